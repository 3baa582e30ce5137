# Installs Caiji from this tarball: `sudo make install` (PREFIX=/usr/local by
# default; `make install PREFIX=$HOME/.local` needs no root), `sudo make uninstall`.
PREFIX ?= /usr/local

install:
	cp -R usr/. "$(PREFIX)/"
	-gtk-update-icon-cache -q -t -f "$(PREFIX)/share/icons/hicolor" 2>/dev/null
	-update-desktop-database -q "$(PREFIX)/share/applications" 2>/dev/null

uninstall:
	cd usr && find . -type f -exec rm -f "$(PREFIX)/{}" \;

.PHONY: install uninstall
