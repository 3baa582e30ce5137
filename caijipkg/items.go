package caijipkg

import (
	"fmt"
	"maps"
	"slices"
	"strconv"

	"caiji/domain"
	"caiji/wire"
)

// Kinds of item a package carries: submitted versions on the way to the
// department, decisions on the way back.
const (
	KindVersion  = "record-version"
	KindDecision = "decision"
)

// Meta fields of each kind; an item with other fields is refused.
var (
	versionMeta  = []string{"base", "id_number", "id_type", "name", "record", "station", "version"}
	decisionMeta = []string{"record", "verdict", "version"}
)

func itemID(record string, n int) string { return record + "/" + strconv.Itoa(n) }

// VersionItem makes the item that carries a submitted version. blobs are
// the sources of exactly the blobs v names: a version is refused rather than
// sent without one of them, since the receiver would refuse it.
func VersionItem(v *wire.Version, blobs []BlobSource) (Item, error) {
	if err := v.Check(); err != nil {
		return Item{}, err
	}
	given := make([]string, len(blobs))
	for i, b := range blobs {
		given[i] = b.SHA256
	}
	if !sameSet(given, v.Blobs) {
		return Item{}, fmt.Errorf("caijipkg: version %s names blobs %v, given %v", itemID(v.Record, v.N), v.Blobs, given)
	}
	return Item{Kind: KindVersion, ID: itemID(v.Record, v.N), Document: v.Document, Blobs: blobs, Meta: map[string]string{
		"record": v.Record, "version": strconv.Itoa(v.N), "base": strconv.Itoa(v.Base),
		"id_type": v.Person.IDType, "id_number": v.Person.IDNumber, "name": v.Person.Name, "station": v.Station,
	}}, nil
}

// DecisionItem makes the item that carries a decision back to the station
// the version came from.
func DecisionItem(d *wire.Decision) (Item, error) {
	if err := checkDecision(d); err != nil {
		return Item{}, err
	}
	doc, err := wire.Marshal(d)
	if err != nil {
		return Item{}, err
	}
	return Item{Kind: KindDecision, ID: itemID(d.Record, d.N), Document: doc,
		Meta: map[string]string{"record": d.Record, "version": strconv.Itoa(d.N), "verdict": d.Verdict}}, nil
}

// Version is the submitted version e carries, checked as the hub checks one
// before its rules (numbering, canonical document and its digest, blob
// names) and as only a package can be: the version is from the station that
// made and signed the package. The error is a *wire.Error with CodeInvalid,
// for the import's summary ("refused with why"); the record's rules are the
// importer's to run, with the same domain code as the hub.
func (e *Entry) Version() (*wire.Version, error) {
	if err := e.checkShape(KindVersion, versionMeta); err != nil {
		return nil, err
	}
	n, errN := strconv.Atoi(e.Meta["version"])
	base, errB := strconv.Atoi(e.Meta["base"])
	if errN != nil || errB != nil {
		return nil, invalid("第 %d 项的版本号无效", "Item %d has no valid version numbers", e.Index)
	}
	v := &wire.Version{Record: e.Meta["record"], N: n, Base: base, Document: e.Document, SHA256: e.DocumentSHA256,
		Person:  wire.Person{IDType: e.Meta["id_type"], IDNumber: e.Meta["id_number"], Name: e.Meta["name"]},
		Station: e.Meta["station"]}
	for _, b := range e.Blobs {
		v.Blobs = append(v.Blobs, b.SHA256)
	}
	slices.Sort(v.Blobs)
	if err := v.Check(); err != nil {
		return nil, err
	}
	if e.ID != itemID(v.Record, v.N) {
		return nil, invalid("第 %d 项的标识与其版本不符", "Item %d's id does not match its version", e.Index)
	}
	if !domain.IDType(v.Person.IDType).Valid() || v.Person.IDNumber == "" || v.Person.Name == "" {
		return nil, invalid("第 %d 项的证件类型、证件号码或姓名无效", "Item %d has no valid ID type, ID number and name", e.Index)
	}
	if v.Station != e.station {
		return nil, invalid("第 %d 项来自另一站点，不是制作此数据包的站点", "Item %d comes from another station than the one that made the package", e.Index)
	}
	return v, nil
}

// Decision is the decision e carries, checked for what makes a decision
// (verdict, reason codes R01–R14 on a rejection, reviewer, time) and that it
// was made on the station that signed the package. The error is a
// *wire.Error with CodeInvalid.
func (e *Entry) Decision() (*wire.Decision, error) {
	if err := e.checkShape(KindDecision, decisionMeta); err != nil {
		return nil, err
	}
	var d wire.Decision
	if len(e.Blobs) != 0 || !wire.IsCanonical(e.Document) || decodeStrict(e.Document, &d) != nil {
		return nil, invalid("第 %d 项不是有效的审核决定", "Item %d is not a valid decision", e.Index)
	}
	if err := checkDecision(&d); err != nil {
		return nil, err
	}
	if e.ID != itemID(d.Record, d.N) || e.Meta["record"] != d.Record || e.Meta["version"] != strconv.Itoa(d.N) || e.Meta["verdict"] != d.Verdict {
		return nil, invalid("第 %d 项的清单与其审核决定不符", "Item %d's manifest does not match its decision", e.Index)
	}
	if d.Station != e.station {
		return nil, invalid("第 %d 项来自另一站点，不是制作此数据包的站点", "Item %d comes from another station than the one that made the package", e.Index)
	}
	return &d, nil
}

func (e *Entry) checkShape(kind string, meta []string) error {
	if e.Kind != kind {
		return invalid("第 %d 项是 %s，不是 %s", "Item %d is a %s, not a %s", e.Index, e.Kind, kind)
	}
	if !slices.Equal(slices.Sorted(maps.Keys(e.Meta)), meta) {
		return invalid("第 %d 项的字段不符合 %s", "Item %d's fields are not those of a %s", e.Index, kind)
	}
	return nil
}

// checkDecision refuses a decision no reviewer could have made (as the
// hub refuses one).
func checkDecision(d *wire.Decision) error {
	switch {
	case !wire.ValidUUID(d.Record) || d.N < 1:
		return invalid("审核决定所针对的记录或版本无效", "The decision names no valid record version")
	case d.Verdict != wire.Pass && d.Verdict != wire.Reject:
		return invalid("审核结论 %q 无效", "The verdict %q is not valid", d.Verdict)
	case d.Verdict == wire.Reject && len(d.Reasons) == 0:
		return invalid("审核不通过须注明原因", "A rejection needs its reasons")
	case d.Verdict == wire.Pass && len(d.Reasons) != 0:
		return invalid("审核通过不应附不通过原因", "A pass carries no rejection reasons")
	case d.RealName != string(domain.RealNameVerified) && d.RealName != string(domain.RealNameFailed):
		return invalid("审核决定须写明实名认证是否核验通过", "The decision must say whether the real name was verified")
	case d.Verdict == wire.Pass && d.RealName != string(domain.RealNameVerified):
		return invalid("实名认证未核验通过，不能审核通过", "A pass needs the real name verified")
	case !wire.ValidUUID(d.Reviewer.UUID) || d.Reviewer.Name == "":
		return invalid("审核决定缺少审核人员", "The decision names no reviewer")
	case !wire.ValidUUID(d.Station) || d.At.IsZero():
		return invalid("审核决定缺少站点或时间", "The decision has no station or time")
	}
	for _, r := range d.Reasons {
		if !wire.ValidReason(r) {
			return invalid("不通过原因 %q 不是 R01–R14", "Reason %q is not one of R01–R14", r)
		}
	}
	return nil
}

func invalid(zh, en string, args ...any) *wire.Error {
	m := part(zh, en, args...)
	return &wire.Error{Code: wire.CodeInvalid, Zh: m.Zh, En: m.En}
}

// sameSet reports whether a and b hold the same strings, ignoring order and
// repeats.
func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}
