package domain

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
)

// Option is one entry of an option list: a stable code and its names.
type Option struct {
	Code string `json:"code"`
	Zh   string `json:"zh"`
	En   string `json:"en"`
}

// Name is the option's display name.
func (o Option) Name() Msg { return Msg{o.Zh, o.En} }

// EducationLevel is a 学历 with what the rules need to know about it.
type EducationLevel struct {
	Option
	// Xuexin lists the 学信网 层次 codes (certificate digits 11–12) that fit.
	Xuexin []string `json:"xuexin"`
	// Degrees lists the 学位 codes allowed with this level (§5.1).
	Degrees []string `json:"degrees"`
	// DegreeWarn lists 学位 codes allowed only with a warning (同等学力申硕).
	DegreeWarn []string `json:"degree_warn"`
	// Higher marks levels whose diplomas are registered with 学信网 (ED1).
	Higher bool `json:"higher"`
	// Eligible marks levels that qualify for the 初级 exam (EDT5).
	Eligible bool `json:"eligible"`
	// MinYears and MaxYears bound the usual duration (EDT4); 0 = no check.
	MinYears int `json:"min_years"`
	MaxYears int `json:"max_years"`
}

// UnitType is a 单位类型 with the credit-code prefixes it expects (U4).
type UnitType struct {
	Option
	CreditPrefixes []string `json:"credit_prefixes"`
	// Industry is the 门类 usually chosen with this type ("" = any).
	Industry string `json:"industry"`
}

// Options are the option lists of the collection, loaded from
// assets/data/options.json so that a wrong guess is fixed in data, not code.
type Options struct {
	Scopes              []Option         `json:"scopes"`
	StudyModes          []Option         `json:"study_modes"`
	EducationLevels     []EducationLevel `json:"education_levels"`
	Degrees             []Option         `json:"degrees"`
	UnitTypes           []UnitType       `json:"unit_types"`
	Industries          []Option         `json:"industries"`
	AccountingPosts     []Option         `json:"accounting_posts"`
	Titles              []Option         `json:"titles"`
	QualificationLevels []Option         `json:"qualification_levels"`
}

// Country is an ISO 3166-1 country: the 国籍 of a passport holder, and the
// nationality inside a 外国人永久居留身份证 number.
type Country struct {
	Alpha3  string `json:"alpha3"`
	Numeric int    `json:"numeric"`
	Zh      string `json:"zh"`
	En      string `json:"en"`
}

// Name is the country's display name.
func (c Country) Name() Msg { return Msg{c.Zh, c.En} }

// Matches reports whether query finds the country: part of its Chinese or
// English name, or the start of its alpha-3 code.
func (c Country) Matches(query string) bool {
	q := strings.ToLower(strings.TrimSpace(query))
	return strings.Contains(c.Zh, q) || strings.Contains(strings.ToLower(c.En), q) || strings.HasPrefix(strings.ToLower(c.Alpha3), q)
}

// Catalog is all the reference data the rules consult.
type Catalog struct {
	Options   Options
	Divisions *Divisions
	Calendar  *Calendar
	Deadlines []Deadline
	Photo     PhotoRules
	Countries []Country
	// countries indexes Countries by alpha-3 and by three-digit numeric code.
	countries map[string]*Country
}

// Country returns the country with an alpha-3 code (or, given digits, a
// numeric code), or nil.
func (c *Catalog) Country(code string) *Country { return c.countries[code] }

// LoadCatalog reads options.json, divisions.json, holidays.json,
// deadlines.json and photo.json from fsys (assets/data in the binary).
func LoadCatalog(fsys fs.FS) (*Catalog, error) {
	c := &Catalog{}
	var divRows [][5]any
	var hol map[string]holidayYear
	for name, dst := range map[string]any{
		"options.json": &c.Options, "divisions.json": &divRows, "holidays.json": &hol,
		"deadlines.json": &c.Deadlines, "photo.json": &c.Photo, "countries.json": &c.Countries,
	} {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("catalog: %w", err)
		}
		if err := json.Unmarshal(data, dst); err != nil {
			return nil, fmt.Errorf("catalog: %s: %w", name, err)
		}
	}
	var err error
	if c.Divisions, err = newDivisions(divRows); err != nil {
		return nil, err
	}
	if c.Calendar, err = newCalendar(hol); err != nil {
		return nil, err
	}
	c.countries = map[string]*Country{}
	for i := range c.Countries {
		k := &c.Countries[i]
		c.countries[k.Alpha3], c.countries[fmt.Sprintf("%03d", k.Numeric)] = k, k
	}
	for _, d := range c.Deadlines {
		if c.Divisions.Get(d.Province) == nil {
			return nil, fmt.Errorf("catalog: deadline for unknown province %s", d.Province)
		}
	}
	return c, nil
}

// find returns the option with code, or nil.
func find[T interface{ code() string }](list []T, code string) *T {
	for i := range list {
		if list[i].code() == code {
			return &list[i]
		}
	}
	return nil
}

func (o Option) code() string { return o.Code }

// Level returns the 学历 with code, or nil.
func (o *Options) Level(code string) *EducationLevel { return find(o.EducationLevels, code) }

// UnitType returns the 单位类型 with code, or nil.
func (o *Options) UnitType(code string) *UnitType { return find(o.UnitTypes, code) }

// LevelOptions are the 学历 as a plain option list, for a choice.
func (o *Options) LevelOptions() []Option {
	out := make([]Option, len(o.EducationLevels))
	for i, l := range o.EducationLevels {
		out[i] = l.Option
	}
	return out
}

// UnitTypeOptions are the 单位类型 as a plain option list, for a choice.
func (o *Options) UnitTypeOptions() []Option {
	out := make([]Option, len(o.UnitTypes))
	for i, u := range o.UnitTypes {
		out[i] = u.Option
	}
	return out
}

// Has reports whether list holds code.
func Has(list []Option, code string) bool { return find(list, code) != nil }

// Lookup returns the option with code in list, or nil.
func Lookup(list []Option, code string) *Option { return find(list, code) }
