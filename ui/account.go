package ui

import (
	"caiji/ui/widgets"
	"context"

	"caiji/domain"
	"caiji/storage"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// accountScreen is the 账户 step: log in, register, and once signed in, who
// is signed in and the way out.
type accountScreen struct {
	app     *App
	content *fyne.Container

	// Log in.
	loginID  *widget.Entry
	loginPW  *widget.Entry
	loginBtn *widgets.Button
	loginMsg *widget.Label

	// Register.
	regType    *widget.Select
	regID      *widget.Entry
	regName    *widget.Entry
	regPW      *widget.Entry
	regConfirm *widget.Entry
	regPhone   *widget.Entry
	regAgree   *widgets.CheckBox // the personal-information notice, agreed
	regBtn     *widgets.Button
	regMsg     *widget.Label
	regFields  map[string]*widgets.Field // by domain field path
	touched    map[string]bool           // fields the user has edited; only they show errors while typing

	// Signed in.
	whoName   *widget.Label
	whoID     *widget.Label
	whoPhone  *widget.Label
	whoBy     *widget.Label // which of the two the login matched
	next      *widget.Label // what to do now, by role
	logoutBtn *widgets.Button

	signedOut fyne.CanvasObject
	signedIn  fyne.CanvasObject
	// signedOutBox holds the forms, and on a home PC the hub's address.
	signedOutBox *fyne.Container
	hubEntry     *widget.Entry
	receiptEntry *widget.Entry
	// signedInBox holds who is signed in, and on a home PC the draft choice.
	signedInBox *fyne.Container
	keepDraft   *widget.Check
}

// accountColumn is the width the log-in and register forms each need to
// stand side by side with their placeholders whole; narrower, they stack.
const accountColumn = 480

func newAccountScreen(a *App) *accountScreen {
	s := &accountScreen{app: a, touched: map[string]bool{}}
	s.signedOutBox = container.NewVBox(widgets.SideBySide(accountColumn, s.buildLogin(), s.buildRegister()))
	s.signedOut = s.signedOutBox
	s.signedIn = s.buildSignedIn()
	s.content = container.NewStack(container.NewVScroll(s.signedOut), s.signedIn)
	return s
}

func (s *accountScreen) buildLogin() fyne.CanvasObject {
	t := s.app.tr
	s.loginID = widget.NewEntry()
	s.loginID.SetPlaceHolder(t.T("account.login_id.hint"))
	s.loginPW = widget.NewPasswordEntry()
	s.loginMsg = widgets.StatusLabel()
	s.loginBtn = widgets.NewButton(t.T("account.login"), s.login)
	s.loginBtn.Importance = widget.HighImportance
	s.loginPW.OnSubmitted = func(string) { s.login() }
	form := widgets.FormGrid(widgets.NewField(t.T("account.login_id"), s.loginID), widgets.NewField(t.T("account.password"), s.loginPW))
	return widget.NewCard(t.T("account.login.title"), t.T("account.login.subtitle"),
		container.NewVBox(form, s.loginBtn, s.loginMsg))
}

func (s *accountScreen) buildRegister() fyne.CanvasObject {
	t := s.app.tr
	types := domain.IDTypes()
	names := make([]string, len(types))
	for i, ty := range types {
		names[i] = t.Msg(ty.Name())
	}
	s.regType = widget.NewSelect(names, nil)
	s.regType.SetSelectedIndex(0) // before OnChanged: the default is not an edit
	s.regType.OnChanged = func(string) { s.edited(domain.FieldIDType) }
	s.regID = widget.NewEntry()
	s.regName = widget.NewEntry()
	s.regName.SetPlaceHolder(t.T("account.name.hint"))
	s.regPW = widget.NewPasswordEntry()
	s.regPW.SetPlaceHolder(t.T("account.password.hint"))
	s.regConfirm = widget.NewPasswordEntry()
	s.regPhone = widget.NewEntry()
	s.regMsg = widgets.StatusLabel()
	s.regBtn = widgets.NewButton(t.T("account.register"), s.register)

	s.regFields = map[string]*widgets.Field{
		domain.FieldIDType:   widgets.NewField(t.T("account.id_type"), s.regType),
		domain.FieldIDNumber: widgets.NewField(t.T("account.id_number"), s.regID),
		domain.FieldName:     widgets.NewField(t.T("account.name"), s.regName),
		domain.FieldPassword: widgets.NewField(t.T("account.password"), s.regPW),
		domain.FieldConfirm:  widgets.NewField(t.T("account.confirm"), s.regConfirm),
		domain.FieldPhone:    widgets.NewField(t.T("account.phone"), s.regPhone),
	}
	for path, e := range map[string]*widget.Entry{domain.FieldIDNumber: s.regID, domain.FieldName: s.regName,
		domain.FieldPassword: s.regPW, domain.FieldConfirm: s.regConfirm, domain.FieldPhone: s.regPhone} {
		path := path
		e.OnChanged = func(string) { s.edited(path) }
	}
	f := s.regFields
	form := widgets.FormGrid(f[domain.FieldIDType], f[domain.FieldIDNumber], f[domain.FieldName], f[domain.FieldPassword], f[domain.FieldConfirm], f[domain.FieldPhone])
	n := s.app.store.Notices()[domain.NoticePersonal]
	agree, notice := widgets.Notice(t.Msg(n.Title), t.Msg(n.Text), t.T("consent.agree_personal"), nil)
	s.regAgree = agree
	note := widget.NewLabel(t.T("account.register.offline_note"))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	return widget.NewCard(t.T("account.register.title"), t.T("account.register.subtitle"),
		container.NewVBox(form, notice, s.regBtn, s.regMsg, note))
}

func (s *accountScreen) buildSignedIn() fyne.CanvasObject {
	t := s.app.tr
	s.whoName = widget.NewLabel("")
	s.whoID = widget.NewLabel("")
	s.whoPhone = widget.NewLabel("")
	s.whoBy = widget.NewLabel("")
	s.whoBy.Importance = widget.LowImportance
	s.logoutBtn = widgets.NewButton(t.T("account.logout"), s.app.signOut)
	info := widgets.FormGrid(widgets.NewField(t.T("account.name"), s.whoName), widgets.NewField(t.T("account.id_number"), s.whoID), widgets.NewField(t.T("account.phone"), s.whoPhone))
	s.next = widget.NewLabel("")
	s.next.Wrapping = fyne.TextWrapWord
	next := s.next
	s.signedInBox = container.NewVBox(info, s.whoBy, next, s.logoutBtn, s.app.stepFooter(true, false))
	return widget.NewCard(t.T("account.signed_in.title"), "", s.signedInBox)
}

// registration reads the register form.
func (s *accountScreen) registration() domain.Registration {
	var ty domain.IDType
	if i := s.regType.SelectedIndex(); i >= 0 {
		ty = domain.IDTypes()[i]
	}
	r := domain.Registration{IDType: ty, IDNumber: s.regID.Text, Name: s.regName.Text,
		Password: s.regPW.Text, Confirm: s.regConfirm.Text, Phone: s.regPhone.Text}
	if s.regAgree.Checked {
		r.Agreed = s.app.store.Notices()[domain.NoticePersonal].Digest
	}
	return r
}

// edited re-validates the form as the user types and shows the messages of
// the fields they have touched.
func (s *accountScreen) edited(path string) {
	s.touched[path] = true
	s.showProblems()
}

func (s *accountScreen) showProblems() []domain.Problem {
	_, probs := s.registration().Check(s.app.store.Now())
	msgs := map[string]string{}
	for _, p := range probs {
		if _, seen := msgs[p.Field]; !seen {
			msgs[p.Field] = s.app.tr.Msg(p.Msg)
		}
	}
	for path, f := range s.regFields {
		if s.touched[path] {
			f.SetError(msgs[path])
		}
	}
	return probs
}

func (s *accountScreen) register() {
	for path := range s.regFields {
		s.touched[path] = true
	}
	if probs := s.showProblems(); len(probs) > 0 {
		widgets.SetStatus(s.regMsg, s.app.tr.T("account.register.fix"), widget.DangerImportance)
		return
	}
	reg := s.registration()
	acc, err := s.app.store.Register(context.Background(), reg)
	if err != nil {
		widgets.SetStatus(s.regMsg, s.app.tr.Err(err), widget.DangerImportance)
		return
	}
	widgets.SetStatus(s.regMsg, "", widget.MediumImportance)
	s.app.signIn(acc)
	s.app.hubSignIn(acc.Session, acc.Account.IDNumber, reg.Password)
}

func (s *accountScreen) login() {
	id, pw := s.loginID.Text, s.loginPW.Text
	acc, err := s.app.store.Login(context.Background(), id, pw)
	s.loginPW.SetText("")
	done := func(acc storage.SignIn, err error) {
		if err != nil {
			widgets.SetStatus(s.loginMsg, s.app.tr.Err(err), widget.DangerImportance)
			return
		}
		widgets.SetStatus(s.loginMsg, "", widget.MediumImportance)
		s.app.signIn(acc)
		s.app.hubSignIn(acc.Session, id, pw)
	}
	if err != nil && s.app.hubRestore(id, pw, err, done) {
		widgets.SetStatus(s.loginMsg, s.app.tr.T("sync.restoring"), widget.MediumImportance)
		return
	}
	done(acc, err)
}

// refresh shows the view for the current sign-in state; signing out wipes
// every field of both forms.
func (s *accountScreen) refresh() {
	u := s.app.User()
	if u == nil {
		for _, e := range []*widget.Entry{s.loginID, s.loginPW, s.regID, s.regName, s.regPW, s.regConfirm, s.regPhone, s.receiptEntry} {
			if e != nil {
				e.SetText("")
			}
		}
		s.regAgree.SetChecked(false)
		s.touched = map[string]bool{}
		for _, f := range s.regFields {
			f.SetError("")
		}
		widgets.SetStatus(s.regMsg, "", widget.MediumImportance)
		s.signedIn.Hide()
		s.content.Objects[0].Show()
		return
	}
	s.whoName.SetText(u.Name)
	s.whoID.SetText(s.app.tr.Msg(u.IDType.Name()) + "  " + domain.MaskIDNumber(u.IDNumber))
	phone := domain.MaskPhone(u.Phone)
	if u.Phone == "" { // staff may have none: say so rather than leave the row blank
		phone = s.app.tr.T("account.phone.none")
	}
	s.whoPhone.SetText(phone)
	s.whoBy.SetText("")
	if by := s.app.sess.By; by != "" { // "" after registering
		s.whoBy.SetText(s.app.tr.T("account.signed_in_by." + string(by)))
	}
	next := "account.next_steps." + string(u.Role)
	if u.Role == storage.RoleAdmin && !s.app.reviewStation() {
		next = "account.next_steps.kiosk_admin"
	}
	s.next.SetText(s.app.tr.T(next))
	s.showDraftChoice()
	s.content.Objects[0].Hide()
	s.signedIn.Show()
}
