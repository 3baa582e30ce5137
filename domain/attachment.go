package domain

// AttachmentKind names what an uploaded image is for.
type AttachmentKind string

const (
	AttPhoto           AttachmentKind = "photo"            // 标准证件照
	AttIDFront         AttachmentKind = "id_front"         // 证件人像面
	AttIDBack          AttachmentKind = "id_back"          // 证件非人像面（国徽面）
	AttIDHandheld      AttachmentKind = "id_handheld"      // 手持证件人像面
	AttDiploma         AttachmentKind = "diploma"          // 学历证书
	AttDegree          AttachmentKind = "degree"           // 学位证书
	AttEnrolment       AttachmentKind = "enrolment"        // 在校证明
	AttSocialInsurance AttachmentKind = "social_insurance" // 社保缴纳证明
	AttResidence       AttachmentKind = "residence"        // 居住证明
	AttAppointment     AttachmentKind = "appointment"      // 聘任证明
	AttAccountingProof AttachmentKind = "accounting_proof" // 会计工作证明
	AttQualification   AttachmentKind = "qualification"    // 资格证书
)

var attachmentNames = map[AttachmentKind]Msg{
	AttPhoto:           {"标准证件照", "Standard ID photo"},
	AttIDFront:         {"证件人像面", "ID photo side"},
	AttIDBack:          {"证件非人像面", "ID other side"},
	AttIDHandheld:      {"手持证件人像面", "Photo holding the ID"},
	AttDiploma:         {"学历证书", "Diploma"},
	AttDegree:          {"学位证书", "Degree certificate"},
	AttEnrolment:       {"在校证明", "Proof of enrolment"},
	AttSocialInsurance: {"社保缴纳证明", "Social insurance proof"},
	AttResidence:       {"居住证明", "Proof of residence"},
	AttAppointment:     {"聘任证明", "Appointment proof"},
	AttAccountingProof: {"会计工作证明", "Accounting work proof"},
	AttQualification:   {"资格证书", "Qualification certificate"},
}

// Name is the kind's display name.
func (k AttachmentKind) Name() Msg { return attachmentNames[k] }

// IsDocument reports whether the kind follows the document rules (JPG/PNG,
// more than 20 KB, at most 500 KB); only the standard photo differs.
func (k AttachmentKind) IsDocument() bool { return k != AttPhoto }

// Attachment is what the rules know of an uploaded image: the facts stored
// with it, not its bytes. The pre-audit reads these instead of calling the
// photo code, so domain never decodes images.
type Attachment struct {
	SHA256 string         `json:"sha256"`
	Kind   AttachmentKind `json:"kind"`
	MIME   string         `json:"mime"` // from the magic bytes: image/jpeg or image/png
	Bytes  int            `json:"bytes"`
	Width  int            `json:"width"`
	Height int            `json:"height"`
	// Warnings are the photo checker's soft findings (ratio, background),
	// kept for the reviewer.
	Warnings []string `json:"warnings,omitempty"`
}

// PhotoRules are the limits of §9, from assets/data/photo.json. Sizes are
// bytes with the stricter reading: ≥ 10 KB is ≥ 10,240 B; > 20 KB is
// ≥ 20,481 B; ≤ 500 KB is ≤ 500,000 B.
type PhotoRules struct {
	PhotoMinBytes          int     `json:"photo_min_bytes"`
	PhotoMaxBytes          int     `json:"photo_max_bytes"`
	PhotoMinWidth          int     `json:"photo_min_width"`
	PhotoMinHeight         int     `json:"photo_min_height"`
	PhotoRatioTolerance    float64 `json:"photo_ratio_tolerance"`
	BackgroundMinLightness float64 `json:"background_min_lightness"`
	BackgroundMaxChroma    float64 `json:"background_max_chroma"`
	BackgroundStrip        float64 `json:"background_strip"`
	DocumentMinBytes       int     `json:"document_min_bytes"`
	DocumentMaxBytes       int     `json:"document_max_bytes"`
	DocumentMinLongSide    int     `json:"document_min_long_side"`
	// DocumentLegibleLongSide and DocumentLegibleShortSide are the fewest
	// pixels on which a document can still be read (an ID card scanned at
	// 150 dpi is about 506×319); smaller images are refused, never enlarged.
	DocumentLegibleLongSide  int `json:"document_legible_long_side"`
	DocumentLegibleShortSide int `json:"document_legible_short_side"`
}

// DocumentLegible reports whether a w×h document image has enough pixels to
// be read.
func (r PhotoRules) DocumentLegible(w, h int) bool {
	return max(w, h) >= r.DocumentLegibleLongSide && min(w, h) >= r.DocumentLegibleShortSide
}
