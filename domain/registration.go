package domain

import "time"

// Registration is what the 注册 form collects (§0 step 1). SMS codes and
// captchas cannot exist offline and are left out.
type Registration struct {
	IDType   IDType
	IDNumber string
	Name     string
	Password string
	Confirm  string
	Phone    string
	// Agreed is the digest of the personal-information notice (Notice.Digest
	// of NoticePersonal) whose box was ticked on the form; "" when it was
	// not. A candidate account is made only with the current notice's.
	Agreed string
}

// Registration field paths, used by Problem.Field and by the form to place
// each message beside its field.
const (
	FieldIDType   = "account.id_type"
	FieldIDNumber = "account.id_number"
	FieldName     = "account.name"
	FieldPassword = "account.password"
	FieldConfirm  = "account.confirm"
	FieldPhone    = "account.phone"
)

// Check validates every field and returns the normalised registration and
// one problem per field that is wrong.
func (r Registration) Check(today time.Time) (Registration, []Problem) {
	var probs []Problem
	add := func(field string, err error) {
		if p, ok := err.(Problem); ok {
			probs = append(probs, p.At(field))
		}
	}
	out := r
	if !r.IDType.Valid() {
		add(FieldIDType, errorf("IDT", "请选择证件类型", "Choose the ID type"))
	} else {
		id, err := ParseIdentity(r.IDType, r.IDNumber, today)
		out.IDNumber = id.Number
		add(FieldIDNumber, err)
		name, err := ParseName(r.IDType, r.Name)
		out.Name = name
		add(FieldName, err)
	}
	phone, err := ParseMobile(r.Phone)
	out.Phone = phone
	add(FieldPhone, err)
	add(FieldPassword, CheckPassword(r.Password, out.IDNumber, out.Phone))
	add(FieldConfirm, CheckPasswordConfirm(r.Password, r.Confirm))
	return out, probs
}
