package export

// removableDrives lists the mounted removable drives (USB sticks, SD
// cards) a kiosk may save to, by their root folders. A variable so tests
// can stand a folder in for a drive.
var removableDrives = systemRemovableDrives
