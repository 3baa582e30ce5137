package domain

import (
	"strings"
	"testing"
	"time"
)

func code(err error) string {
	if err == nil {
		return ""
	}
	if p, ok := err.(Problem); ok {
		return p.Code
	}
	return "?" + err.Error()
}

func TestParseMobile(t *testing.T) {
	tests := []struct{ in, want, code string }{
		{"13800138000", "13800138000", ""},
		{"+86 138-0013-8000", "13800138000", ""},
		{"8613800138000", "13800138000", ""},
		{"１３８００１３８０００", "13800138000", ""},
		{"12800138000", "", "PH1"},
		{"1380013800", "", "PH1"},
		{"", "", "PH0"},
	}
	for _, tt := range tests {
		got, err := ParseMobile(tt.in)
		if code(err) != tt.code || (tt.code == "" && got != tt.want) {
			t.Errorf("ParseMobile(%q) = %q %v, want %q %s", tt.in, got, err, tt.want, tt.code)
		}
	}
}

func TestParseWorkPhone(t *testing.T) {
	tests := []struct{ in, code string }{
		{"010-62345678", ""},
		{"01062345678", ""},
		{"0755-8765432", ""},
		{"021-52345678-123", ""},
		{"400-123-4567", ""},
		{"8001234567", ""},
		{"13800138000", ""},
		{"12345678", "TEL1"},
		{"010-02345678", "TEL1"},
		{"010-12345678", "TEL1"},
		{"", "TEL0"},
	}
	for _, tt := range tests {
		if _, err := ParseWorkPhone(tt.in); code(err) != tt.code {
			t.Errorf("ParseWorkPhone(%q) = %v, want %s", tt.in, err, tt.code)
		}
	}
}

func TestCheckPassword(t *testing.T) {
	tests := []struct{ pw, code string }{
		{"Abcdef12", ""},
		{"abcdef1!", ""},
		{"ABCDEF1!", ""},
		{"Abc12!", "PW1"},
		{strings.Repeat("Ab1", 7), "PW1"},
		{"Abcd ef12", "PW2"},
		{"Abcdéf12", "PW2"},
		{"abcdefgh1", "PW3"},
		{"ABCDEFGH", "PW3"},
		{"13800138000Aa", ""},
		{"Ab1!13800138", ""},
	}
	for _, tt := range tests {
		if err := CheckPassword(tt.pw, "110101199003079913", "13800138000"); code(err) != tt.code {
			t.Errorf("CheckPassword(%q) = %v, want %s", tt.pw, err, tt.code)
		}
	}
	if err := CheckPassword("11010119900307991X", "11010119900307991X", ""); code(err) != "PW4" {
		t.Errorf("password equal to ID number: %v", err)
	}
	if err := CheckPasswordConfirm("Abcdef12", "Abcdef13"); code(err) != "PW5" {
		t.Errorf("confirm mismatch: %v", err)
	}
}

func TestParseName(t *testing.T) {
	tests := []struct {
		typ  IDType
		in   string
		want string
		code string
	}{
		{IDMainland, "张三", "张三", ""},
		{IDMainland, " 欧阳娜娜 ", "欧阳娜娜", ""},
		{IDMainland, "买买提•艾力", "买买提·艾力", ""},
		{IDMainland, "王__", "王__", ""},
		{IDMainland, "𠀀𠀁", "𠀀𠀁", ""}, // Extension B
		{IDMainland, "张", "", "NM1"},
		{IDMainland, "张3", "", "NM1"},
		{IDMainland, "·张三", "", "NM1"},
		{IDMainland, "Zhang San", "", "NM1"},
		{IDMainland, "", "", "NM0"},
		{IDMainland, strings.Repeat("张", 31), "", "NM1"},
		{IDForeignPassport, "john o'neil-smith", "JOHN O'NEIL-SMITH", ""},
		{IDForeignPassport, "张三", "", "NM2"},
	}
	for _, tt := range tests {
		got, err := ParseName(tt.typ, tt.in)
		if code(err) != tt.code || (tt.code == "" && got != tt.want) {
			t.Errorf("ParseName(%s, %q) = %q %v, want %q %s", tt.typ, tt.in, got, err, tt.want, tt.code)
		}
	}
	if !HasRareCharPlaceholder("王__") || HasRareCharPlaceholder("王五") {
		t.Error("HasRareCharPlaceholder")
	}
}

func TestRegistrationCheck(t *testing.T) {
	ok := Registration{IDType: IDMainland, IDNumber: "11010119900307991３", Name: "张三", Password: "Abcdef12!", Confirm: "Abcdef12!", Phone: "138 0013 8000"}
	norm, probs := ok.Check(today)
	if len(probs) != 0 {
		t.Fatalf("valid registration: %v", probs)
	}
	if norm.IDNumber != "110101199003079913" || norm.Phone != "13800138000" {
		t.Fatalf("not normalised: %+v", norm)
	}
	bad := Registration{IDType: IDMainland, IDNumber: "110101199003079910", Name: "张", Password: "abc", Confirm: "abd", Phone: "123"}
	_, probs = bad.Check(today)
	fields := map[string]string{}
	for _, p := range probs {
		fields[p.Field] = p.Code
	}
	want := map[string]string{FieldIDNumber: "ID6", FieldName: "NM1", FieldPassword: "PW1", FieldConfirm: "PW5", FieldPhone: "PH1"}
	for f, c := range want {
		if fields[f] != c {
			t.Errorf("field %s: got %q, want %s (all: %v)", f, fields[f], c, probs)
		}
	}
}

func TestPasswordHash(t *testing.T) {
	h, err := HashPassword("Abcdef12!")
	if err != nil {
		t.Fatal(err)
	}
	h2, _ := HashPassword("Abcdef12!")
	if h == h2 {
		t.Fatal("two hashes of one password are equal: the salt is not random")
	}
	if ok, err := VerifyPassword("Abcdef12!", h); !ok || err != nil {
		t.Fatalf("right password refused: %v", err)
	}
	if ok, _ := VerifyPassword("Abcdef12?", h); ok {
		t.Fatal("wrong password accepted")
	}
	for _, bad := range []string{"", "$argon2id$v=19$m=1,t=1,p=1$$", "$bcrypt$x$y$z$w", "$argon2id$v=19$m=x$a$b"} {
		if _, err := VerifyPassword("x", bad); err != ErrBadHash {
			t.Errorf("VerifyPassword(%q) err = %v, want ErrBadHash", bad, err)
		}
	}
	if err := CheckPasswordHash(h); err != nil {
		t.Fatalf("CheckPasswordHash(own hash): %v", err)
	}
	// A hash that came from elsewhere (a kiosk) names its own cost: beyond
	// the bounds it is refused before any work, never computed.
	salt, key := "c2FsdHNhbHRzYWx0c2FsdA", "a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U"
	for _, params := range []string{"m=4194304,t=2,p=1", "m=19456,t=100000,p=1", "m=19456,t=2,p=255", "m=0,t=2,p=1"} {
		bad := "$argon2id$v=19$" + params + "$" + salt + "$" + key
		if err := CheckPasswordHash(bad); err != ErrBadHash {
			t.Errorf("CheckPasswordHash(%s) = %v, want ErrBadHash", params, err)
		}
	}
	if err := CheckPasswordHash("$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$" + strings.Repeat("a", 100_000)); err != ErrBadHash {
		t.Errorf("a 75 kB key: %v, want ErrBadHash", err)
	}
}

func TestLoginLockout(t *testing.T) {
	now := today
	var st LoginState
	for i := 0; i < MaxLoginFailures-1; i++ {
		st = st.AfterFailure(now)
		if st.Locked(now) {
			t.Fatalf("locked after %d failures", i+1)
		}
	}
	st = st.AfterFailure(now)
	if !st.Locked(now) || !st.Locked(now.Add(LoginLockout-time.Second)) {
		t.Fatal("not locked after 5 failures")
	}
	if st.Locked(now.Add(LoginLockout)) {
		t.Fatal("still locked after 15 minutes")
	}
}

func TestMask(t *testing.T) {
	if got := MaskIDNumber("110101199003079913"); got != "110101********9913" {
		t.Errorf("MaskIDNumber = %s", got)
	}
	if got := MaskPhone("13800138000"); got != "138****8000" {
		t.Errorf("MaskPhone = %s", got)
	}
	if got := MaskPhone("123"); got != "123" {
		t.Errorf("MaskPhone short = %s", got)
	}
}
