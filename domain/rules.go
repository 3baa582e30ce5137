package domain

// RuleReasons lists every rule code the pre-audit and the field parsers can
// report, with the reviewer's rejection reason (§10) it leads to ("" when a
// reviewer has no reason for it, e.g. a field that simply is not filled in).
// The pre-audit's warnings go to the reviewer under these reasons; the tests
// require every code here to be produced by at least one case.
var RuleReasons = map[string]string{
	// Identity, name, phone (§1–§3).
	"ID0": "R01", "ID9": "R01", "ID2": "R01", "ID3": "R01", "ID5": "R01", "ID6": "R01", "ID7": "R01", "IDT": "R01",
	"NM0": "R01", "NM1": "R01", "NM2": "R01", "NM3": "R01",
	"PH0": "", "PH1": "",
	"B1": "R01", "B2": "R01", "B3": "", "B4": "", "B5": "R03",
	// Scope and notice (§6.5).
	"SC1": "R13", "SC2": "", "SC3": "R13",
	// Real-name material.
	"RN1": "R01", "RN2": "R01",
	// Photo and documents (§9).
	CodePhotoMissing: "R02", CodePhotoFormat: "R02", CodePhotoTooSmall: "R02", CodePhotoTooLarge: "R02",
	CodePhotoPixels: "R02", CodePhotoRatio: "R02", CodePhotoBackground: "R02",
	CodeDocMissing: "R14", CodeDocFormat: "R03", CodeDocTooSmall: "R03", CodeDocTooLarge: "R03", CodeDocPixels: "R03",
	// Education (§5).
	"EDU1": "R04", "EDF1": "", "EDF2": "", "EDF3": "", "EDF4": "R07", "EDF5": "",
	"EDT1": "R12", "EDT2": "R12", "EDT3": "R05", "EDT4": "R12", "EDT5": "R04", "EDT6": "R05",
	"EDD1": "R07", "EDD2": "R07",
	"ED1": "R06", "ED2": "R06", "ED3": "R06", "ED4": "R06", "ED5": "R06", "ED6": "R06",
	"DG1": "R07", "DG2": "R07", "DG3": "R07", "DG4": "R07", "DG5": "R07", "DG6": "R07",
	// Qualifications (scope A).
	"QF1": "R13", "QF2": "", "QF3": "", "QF4": "",
	// Work (§4, §6).
	"SCB1": "R13", "WK1": "R12", "WK2": "R12", "WK3": "R12", "WK4": "R08", "WK5": "", "WK6": "",
	"WK7": "", "WK8": "R10", "WK9": "R09", "WK10": "R09", "WK11": "R08",
	"U0": "R08", "U1": "R08", "U2": "R08", "U4": "R08", "U5": "R11", "U6": "R08",
	"TEL0": "", "TEL1": "",
	"AP1": "R12", "AP2": "", "AP3": "", "AP4": "R10",
	// Department (§7) and commitment.
	"DP1": "R11", "DP2": "R11", "CM1": "",
}

// missingCodes are the rules that fire when something required is simply
// not there yet; the navigator calls such a step "incomplete" rather than
// "has errors".
var missingCodes = map[string]bool{
	"ID0": true, "IDT": true, "NM0": true, "PH0": true, "B3": true, "B4": true, "SC1": true, "SC2": true, "RN1": true,
	CodePhotoMissing: true, CodeDocMissing: true, "EDU1": true, "EDF1": true, "EDF3": true, "EDF4": true, "EDF5": true,
	"ED1": true, "DG1": true, "EDT6": true, "QF1": true, "QF2": true, "QF4": true, "SCB1": true, "WK5": true, "WK6": true,
	"WK8": true, "WK9": true, "WK10": true, "U0": true, "TEL0": true, "AP2": true, "AP3": true, "DP1": true, "CM1": true,
}

// IsMissing reports whether code means "required but not filled in".
func IsMissing(code string) bool { return missingCodes[code] }
