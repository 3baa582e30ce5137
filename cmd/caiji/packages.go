package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"
	"time"

	"caiji/assets"
	"caiji/caijipkg"
	"caiji/domain"
	"caiji/exchange"
	"caiji/storage"
	"caiji/syncer"
)

// The commands of .caiji packages, for stations that never go online:
// `caiji export`, `caiji import`, `caiji admin recipient` and `caiji kiosk
// recipient`. Messages are in both languages, as the other set-up commands'.

// adminCommand routes `caiji admin recipient` here and the rest to adminMain.
func adminCommand(args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) > 0 && args[0] == "recipient" {
		return adminRecipient(args[1:], stdout)
	}
	return adminMain(args, stdin, stdout)
}

// kioskCommand routes `caiji kiosk recipient` here, `caiji kiosk
// draft-days` to kioskDraftDays and the rest to kioskMain.
func kioskCommand(args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) > 0 && args[0] == "recipient" {
		return kioskRecipient(args[1:], stdout)
	}
	if len(args) > 0 && args[0] == "draft-days" {
		return kioskDraftDays(args[1:], stdin, stdout)
	}
	return kioskMain(args, stdin, stdout)
}

// station opens the data folder named by -data and the station's keys.
func station(dataDir string) (*storage.Store, *caijipkg.Keys, string, error) {
	dir, err := dataFolder(dataDir)
	if err != nil {
		return nil, nil, "", err
	}
	store, err := storage.Open(dir)
	if err != nil {
		return nil, nil, "", err
	}
	keys, err := caijipkg.LoadOrCreateKeys(dir)
	if err != nil {
		store.Close()
		return nil, nil, "", err
	}
	return store, keys, dir, nil
}

// adminRecipient prints (or writes with -o) the review station's department
// recipient as a file kiosks can read: comment lines saying whose it is and
// the fingerprint of the key its decision packages are signed with, then
// the one age1… line.
func adminRecipient(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("admin recipient", flag.ContinueOnError)
	dataDir := fs.String("data", "", "data folder (default: the per-user application data folder)")
	out := fs.String("o", "", "write it to this file (to hand to the kiosks) instead of printing it")
	if err := fs.Parse(args); err != nil {
		return err
	}
	store, keys, _, err := station(*dataDir)
	if err != nil {
		return err
	}
	defer store.Close()
	info, err := store.StationInfo(context.Background())
	if err != nil {
		return err
	}
	if info.Kind != storage.StationReview {
		return errors.New("这台电脑不是审核站（caiji admin init）。This is not a review station (caiji admin init)")
	}
	text := exchange.RecipientFile(info.UUID, keys)
	if *out == "" {
		_, err = io.WriteString(stdout, text)
		return err
	}
	if err := os.WriteFile(*out, []byte(text), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "已写入 %s。Written to %s.\n", *out, *out)
	return nil
}

// kioskRecipient runs `caiji kiosk recipient add|list`.
func kioskRecipient(args []string, stdout io.Writer) error {
	usage := errors.New("usage: caiji kiosk recipient add [-data DIR] -departments 440305,440300 (-file FILE | -recipient age1…)\n" +
		"       caiji kiosk recipient list [-data DIR]")
	if len(args) == 0 || (args[0] != "add" && args[0] != "list") {
		return usage
	}
	fs := flag.NewFlagSet("kiosk recipient "+args[0], flag.ContinueOnError)
	dataDir := fs.String("data", "", "data folder (default: the per-user application data folder)")
	depts := fs.String("departments", "", "the accounting management department codes (6 digits, comma-separated) the recipient is for")
	file := fs.String("file", "", "the recipient file the department handed out")
	line := fs.String("recipient", "", "the recipient itself, age1…")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	store, _, _, err := station(*dataDir)
	if err != nil {
		return err
	}
	defer store.Close()
	ctx := context.Background()
	if args[0] == "add" {
		text := *line
		if *file != "" {
			b, err := os.ReadFile(*file)
			if err != nil {
				return err
			}
			text = string(b)
		}
		codes := splitCodes(*depts)
		if text == "" || len(codes) == 0 {
			return usage
		}
		r, err := caijipkg.ParseRecipient(text)
		if err != nil {
			return bilingual(err)
		}
		if err := store.SetRecipient(ctx, r.String(), codes); err != nil {
			return recipientError(err)
		}
		fmt.Fprintf(stdout, "已设置：%s 的记录加密发往 %s。Set: records of %s are encrypted to %s.\n",
			strings.Join(codes, "、"), r, strings.Join(codes, ", "), r)
	}
	list, err := store.Recipients(ctx)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintln(stdout, "尚未设置部门收件人。No department recipients set yet.")
	}
	for _, r := range list {
		fmt.Fprintf(stdout, "%s  %s\n", r.Department, r.Recipient)
	}
	return nil
}

func splitCodes(s string) []string {
	var out []string
	for _, c := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ' ' }) {
		out = append(out, strings.TrimSpace(c))
	}
	return out
}

func recipientError(err error) error {
	switch {
	case errors.Is(err, domain.ErrDepartmentTooBroad):
		return errors.New("部门代码须为 6 位区县或市级代码（如 440305）。Department codes are 6-digit city or county codes (e.g. 440305)")
	case errors.Is(err, storage.ErrReviewStation):
		return errors.New("审核站不导出记录，无需部门收件人。A review station exports no records and needs no department recipients")
	}
	return err
}

// bilingual turns a package refusal into its message in both languages.
func bilingual(err error) error {
	var pe *caijipkg.Error
	if errors.As(err, &pe) {
		return fmt.Errorf("%s %s", pe.Message("zh"), pe.Message("en"))
	}
	return err
}

// exportMain runs `caiji export`: every submitted version not yet
// confirmed into one package per department (a review station: its
// decisions, one package per station they go back to).
func exportMain(args []string, _ io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	dataDir := fs.String("data", "", "data folder (default: the per-user application data folder)")
	to := fs.String("to", "", "the folder to write the packages to (the USB stick)")
	since := fs.String("since", "", "only what was submitted (or decided) since: a date 2026-11-27, a time 2026-11-27T09:00:00+08:00, or a duration 24h")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *to == "" {
		return errors.New("usage: caiji export [-data DIR] -to DIR [-since 2026-11-27|24h]")
	}
	from, err := parseSince(*since, time.Now())
	if err != nil {
		return err
	}
	store, keys, _, err := station(*dataDir)
	if err != nil {
		return err
	}
	defer store.Close()
	res, err := exchange.Export(context.Background(), store, keys, *to, exchange.ExportOptions{Since: from})
	if res != nil {
		for _, w := range res.Packages {
			what := strings.Join(w.Departments, "、")
			if w.Station != "" {
				what = "站点 station " + w.Station
			}
			fmt.Fprintf(stdout, "%s  %d 项 items, %s  (%s)\n", w.Path, w.Items, size(w.Size), what)
		}
		codes := make([]string, 0, len(res.Waiting))
		for c := range res.Waiting {
			codes = append(codes, c)
		}
		sort.Strings(codes)
		for _, c := range codes {
			fmt.Fprintf(stdout, "未导出 not exported: 部门 department %s 的 %d 份提交——尚未设置该部门的收件人（caiji kiosk recipient add）。%d submissions: no recipient set for it.\n", c, res.Waiting[c], res.Waiting[c])
		}
	}
	if errors.Is(err, exchange.ErrNothingToExport) {
		fmt.Fprintln(stdout, "没有需要导出的内容。Nothing to export.")
		return nil
	}
	return err
}

// size is a file size for people.
func size(n int64) string {
	if n < 1e6 {
		return fmt.Sprintf("%.1f KB", float64(n)/1e3)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}

// parseSince reads -since: a date (local midnight), an RFC 3339 time, or a
// duration back from now.
func parseSince(s string, now time.Time) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if d, err := time.ParseDuration(s); err == nil && d > 0 {
		return now.Add(-d), nil
	}
	if t, err := time.ParseInLocation("2006-01-02", s, time.Local); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("-since %q: give a date (2026-11-27), a time (2026-11-27T09:00:00+08:00) or a duration (24h)", s)
}

// importMain runs `caiji import FILE`: verify the whole package, show
// whose it is, and store it in one transaction.
func importMain(args []string, _ io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	dataDir := fs.String("data", "", "data folder (default: the per-user application data folder)")
	accept := fs.String("accept", "", "accept the station that made the package: its signing key fingerprint, as shown")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: caiji import [-data DIR] [-accept FINGERPRINT] FILE.caiji")
	}
	store, keys, dir, err := station(*dataDir)
	if err != nil {
		return err
	}
	defer store.Close()
	cat, err := catalog(dir)
	if err != nil {
		return err
	}
	ctx := context.Background()
	in, err := exchange.Open(ctx, store, keys, fs.Arg(0), nil)
	if err != nil {
		return bilingual(err)
	}
	defer in.Close()
	fmt.Fprintf(stdout, "数据包已验证 verified: 站点 station %s，%d 项 items，制作于 made %s，签名密钥指纹 fingerprint %s\n",
		in.Station, in.Items, in.Created.Local().Format("2006-01-02 15:04"), in.Fingerprint)
	switch {
	case in.Trust == exchange.Known:
	case *accept == "":
		what := "本站尚未接收过此站点的数据包。This station has not accepted packages from that station yet."
		if in.Trust == exchange.KeyChanged {
			what = "警告：此站点的签名密钥与此前接受的不同（站点重装？或伪造的数据包）。Warning: the station's signing key differs from the one accepted before (reinstalled? or a forged package)."
		}
		return fmt.Errorf("%s\n请与该站点核对指纹后再运行 Check the fingerprint with the station, then run:\n  caiji import -accept %s %s", what, in.Fingerprint, fs.Arg(0))
	case !strings.EqualFold(strings.TrimSpace(*accept), in.Fingerprint):
		return fmt.Errorf("指纹不符：数据包的签名密钥指纹是 %s。The fingerprint does not match: the package is signed by %s", in.Fingerprint, in.Fingerprint)
	}
	sum, err := in.Import(ctx, store, cat, true, nil)
	if err != nil {
		return bilingual(err)
	}
	fmt.Fprintf(stdout, "%s。%s.\n", sum.Line("zh"), sum.Line("en"))
	for _, r := range sum.Refused {
		fmt.Fprintf(stdout, "  拒收 refused #%d %s: %s %s\n", r.Index, r.ID, r.Why.Zh, r.Why.En)
		for _, p := range r.Why.Problems {
			if p.Severity == "error" {
				fmt.Fprintf(stdout, "    %s %s: %s\n", p.Code, p.Field, p.Zh)
			}
		}
	}
	for _, d := range sum.Decisions {
		verdict := "审核通过 approved"
		if d.Verdict != "pass" {
			verdict = "审核不通过 rejected " + strings.Join(d.Reasons, ",")
		}
		fmt.Fprintf(stdout, "  回执码 receipt %s  %s  %s\n", d.Receipt, verdict, d.At.Local().Format("2006-01-02 15:04"))
	}
	return nil
}

// catalog is the reference data the station judges records with: a newer
// signed bundle it fetched from its hub, else the data built into the app.
func catalog(dir string) (*domain.Catalog, error) {
	data, err := fs.Sub(assets.Data, "data")
	if err != nil {
		return nil, err
	}
	cat, err := domain.LoadCatalog(syncer.RefdataFS(dir, data))
	if err != nil { // a signed bundle this build cannot read: its own data then
		cat, err = domain.LoadCatalog(data)
	}
	return cat, err
}
