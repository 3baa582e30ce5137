package domain

// IDType is the 证件类型 code used on the platform (domain-rules §2).
type IDType string

const (
	IDMainland        IDType = "01" // 内地居民身份证
	IDHKMacaoPermit   IDType = "02" // 港澳居民来往内地通行证
	IDTaiwanPermit    IDType = "03" // 台湾居民来往大陆通行证
	IDForeignPassport IDType = "04" // 护照（外国）
	IDHMTResidence    IDType = "05" // 港澳台居民居住证
	IDForeignPR       IDType = "06" // 外国人永久居留身份证
)

var idTypeNames = map[IDType]Msg{
	IDMainland:        {"内地居民身份证", "Mainland resident ID card"},
	IDHKMacaoPermit:   {"港澳居民来往内地通行证", "Mainland travel permit for HK/Macao residents"},
	IDTaiwanPermit:    {"台湾居民来往大陆通行证", "Mainland travel permit for Taiwan residents"},
	IDForeignPassport: {"护照（外国）", "Passport (foreign)"},
	IDHMTResidence:    {"港澳台居民居住证", "Residence permit for HK/Macao/Taiwan residents"},
	IDForeignPR:       {"外国人永久居留身份证", "Foreigner's permanent residence ID card"},
}

// IDTypes lists the certificate types in the order the registration form offers them.
func IDTypes() []IDType {
	return []IDType{IDMainland, IDHKMacaoPermit, IDTaiwanPermit, IDForeignPassport, IDHMTResidence, IDForeignPR}
}

// Name is the type's display name.
func (t IDType) Name() Msg { return idTypeNames[t] }

// Valid reports whether t is one of the known types.
func (t IDType) Valid() bool { _, ok := idTypeNames[t]; return ok }

// CarriesBirth reports whether the number encodes birth date and gender, so
// that 基本信息 derives them instead of asking (ID8).
func (t IDType) CarriesBirth() bool {
	return t == IDMainland || t == IDHMTResidence || t == IDForeignPR
}

// LatinName reports whether the holder's name is written in Latin letters.
func (t IDType) LatinName() bool { return t == IDForeignPassport }
