package caijipkg

import (
	"errors"
	"fmt"

	"caiji/domain"
)

// Kinds of refusal. Every error the reader returns is an *Error whose Kind is
// one of these, so errors.Is(err, ErrWrongRecipient) works and a screen can
// choose its words.
var (
	ErrNotPackage     = errors.New("not a Caiji package")
	ErrUnknownFormat  = errors.New("unknown package format version")
	ErrTooLarge       = errors.New("over the size limit")
	ErrWrongRecipient = errors.New("this package is for another department")
	ErrDamaged        = errors.New("damaged or tampered with")
	ErrTruncated      = errors.New("the file is incomplete")
	ErrMissingBlob    = errors.New("a blob named by the manifest is missing")
	ErrBadSignature   = errors.New("the signature does not match")
	ErrUnreadable     = errors.New("the file cannot be read")
	// ErrNotRecipient and ErrSecretKey refuse what ParseRecipient is given.
	ErrNotRecipient = errors.New("not a recipient (age1…)")
	ErrSecretKey    = errors.New("a private key, not a recipient")
)

// kindText is what each kind tells the user, in both UI languages.
var kindText = map[error]domain.Msg{
	ErrNotPackage:     {Zh: "这不是采集数据包（.caiji）", En: "This is not a Caiji package (.caiji)"},
	ErrUnknownFormat:  {Zh: "数据包格式版本未知，请升级采集软件后再导入", En: "The package format version is unknown; update Caiji and import it again"},
	ErrTooLarge:       {Zh: "数据包超出大小限制", En: "The package is over the size limit"},
	ErrWrongRecipient: {Zh: "此数据包是发给其他部门（或其他站点）的，本站无法打开", En: "This package is for another department (or station); this station cannot open it"},
	ErrDamaged:        {Zh: "数据包已损坏或被篡改", En: "The package is damaged or has been tampered with"},
	ErrTruncated:      {Zh: "数据包不完整（文件被截断或末尾损坏），请重新拷贝", En: "The package is incomplete (the file was cut short or its end is damaged); copy it again"},
	ErrMissingBlob:    {Zh: "数据包缺少清单中列出的附件", En: "The package lacks an attachment its manifest names"},
	ErrBadSignature:   {Zh: "数据包签名无效", En: "The package signature is not valid"},
	ErrUnreadable:     {Zh: "无法读取数据包文件（U 盘是否已拔出？）", En: "The package file cannot be read (was the USB stick removed?)"},
	ErrNotRecipient:   {Zh: "这不是收件人公钥：应为一行以 age1 开头的文字", En: "This is not a recipient: it should be one line of text starting with age1"},
	ErrSecretKey: {Zh: "这是私钥（AGE-SECRET-KEY），不是收件人公钥：私钥切勿外传，请向部门索取以 age1 开头的那一行",
		En: "This is a private key (AGE-SECRET-KEY), not a recipient: never pass it on; ask the department for the line starting with age1"},
}

// Error is a refused package: what kind of refusal, which part of the file,
// and the detail that led to it.
type Error struct {
	Kind error      // one of the Err… kinds above
	Part domain.Msg // the part of the package, e.g. "item 3 (record …): blob 3fa2…"
	Err  error      // the underlying cause, for logs; may be nil
}

func (e *Error) Error() string {
	s := fmt.Sprintf("caijipkg: %s: %s", e.Part.En, e.Kind)
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Is makes errors.Is(err, ErrDamaged) and the like true for an *Error of that kind.
func (e *Error) Is(target error) bool { return target == e.Kind }

// Unwrap gives the cause.
func (e *Error) Unwrap() error { return e.Err }

// Message is the sentence to show the user in lang ("zh" or "en"): what is
// wrong and where.
func (e *Error) Message(lang string) string {
	text := kindText[e.Kind]
	if lang == "en" {
		return text.En + " (" + e.Part.En + ")."
	}
	return text.Zh + "（" + e.Part.Zh + "）。"
}

func refuse(kind error, part domain.Msg, err error) *Error {
	return &Error{Kind: kind, Part: part, Err: err}
}

// part builds a bilingual part name from format strings sharing arguments.
func part(zh, en string, args ...any) domain.Msg {
	return domain.Msg{Zh: fmt.Sprintf(zh, args...), En: fmt.Sprintf(en, args...)}
}

// Parts named by the reader's errors.
var (
	partFile      = part("文件", "the file")
	partPreamble  = part("文件首行", "the first line")
	partAgeHeader = part("加密头", "the encryption header")
	partHeader    = part("包头", "the package header")
	partTrailer   = part("包尾", "the package trailer")
	partSignature = part("签名", "the signature")
	partEnd       = part("文件末尾", "the end of the file")
	partRecipient = part("收件人", "the recipient")
)
