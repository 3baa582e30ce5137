package widgets

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A row showing a value is as tall as the value; a row with an input keeps
// its message line, empty or not, so messages never move the form.
func TestFormGridValueRowsHaveNoMessageLine(t *testing.T) {
	test.NewTempApp(t)
	value := NewField("真实姓名", widget.NewLabel("张三"))
	input := NewField("手机号码", widget.NewEntry())
	grid := FormGrid(value, input)
	valueRow, inputRow := grid.Objects[1], grid.Objects[3]
	if got, want := valueRow.MinSize().Height, value.Input.MinSize().Height; got != want {
		t.Errorf("value row is %v high, its value %v", got, want)
	}
	if inputRow.MinSize().Height <= input.Input.MinSize().Height {
		t.Error("an input's row lost its message line")
	}
	value.SetError("请重新核对")
	if !value.Msg.Visible() {
		t.Error("a message set on a value row is not shown")
	}
}
