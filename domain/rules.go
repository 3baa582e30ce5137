package domain

// RuleReasons lists every rule code the pre-audit and the field parsers can
// report, with the reviewer's rejection reason (§10) it leads to ("" when a
// reviewer has no reason for it, e.g. a field that simply is not filled in).
// The pre-audit's warnings go to the reviewer under these reasons; the tests
// require every code here to be produced by at least one case.
var RuleReasons = map[string]string{
	// Identity, name, phone (§1–§3).
	"ID0": "R01", "ID2": "R01", "ID3": "R01", "ID5": "R01", "ID6": "R01", "ID7": "R01", "IDT": "R01",
	"NM0": "R01", "NM1": "R01", "NM2": "R01", "NM3": "R01",
	"PH0": "", "PH1": "",
	"B1": "R01", "B2": "R01", "B3": "", "B4": "", "B5": "R03",
	// Scope and notice (§6.5).
	"SC1": "R13", "SC2": "",
	// Real-name material.
	"RN1": "R01", "RN2": "R01",
	// Photo and documents (§9).
	CodePhotoMissing: "R02", CodePhotoFormat: "R02", CodePhotoTooSmall: "R02", CodePhotoTooLarge: "R02",
	CodePhotoPixels: "R02", CodePhotoRatio: "R02", CodePhotoBackground: "R02",
	CodeDocMissing: "R14", CodeDocFormat: "R03", CodeDocTooSmall: "R03", CodeDocTooLarge: "R03",
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
