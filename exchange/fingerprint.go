package exchange

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"strings"

	"caiji/caijipkg"
)

// Fingerprint is how people compare a station's signing key: the first 10
// bytes of its SHA-256 in five groups of hex ("3FA2-91BC-…"), short enough
// to read out over the phone, printed by `caiji admin recipient` and shown
// beside a package from a station not accepted yet.
func Fingerprint(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	var groups []string
	for i := 0; i < 10; i += 2 {
		groups = append(groups, fmt.Sprintf("%02X%02X", sum[i], sum[i+1]))
	}
	return strings.Join(groups, "-")
}

// encodeKey is how a signing key is stored beside an accepted station.
func encodeKey(pub ed25519.PublicKey) string { return base64.StdEncoding.EncodeToString(pub) }

// RecipientFile is the text a review station hands to its kiosks (`caiji
// admin recipient`, or saved from the staff screen): comment lines saying
// whose recipient it is and the fingerprint of the key its decision
// packages are signed with, then the one age1… line caijipkg.ParseRecipient
// reads.
func RecipientFile(station string, keys *caijipkg.Keys) string {
	return fmt.Sprintf("# 采集 Caiji 审核站 %s 的部门收件人（考点终端用它加密发往本部门的数据包）\n"+
		"# Department recipient of Caiji review station %s (kiosks encrypt their packages to it)\n"+
		"# 签名密钥指纹 signing key fingerprint: %s\n%s\n",
		station, station, Fingerprint(keys.Public()), keys.Recipient())
}
