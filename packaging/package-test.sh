#!/usr/bin/env bash
# make package-test: the packages in dist/ tested as installed. Runs under
# Xvfb (the Makefile starts it with xvfb-run); screenshots and logs go to
# artifacts/.
#
#   deb      the .deb unpacked into a fresh root (dpkg -x): every declared
#            dependency is a Debian package whose version fits, every shared
#            library the binary links comes from a declared dependency; the
#            installed binary opens its setup window (screenshot) and the
#            .desktop entry's Exec line runs it too
#   archive  the Linux archive's `make install` into a scratch prefix
#   wine     warmlead.exe under Wine: version, init, add, list, report with
#            a passphrase file and no keyring; then the window, if Wine can
#            open Fyne's GL window (else what Wine printed is kept)
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=$(go run ./tools/fyneversion -toml FyneApp.toml -print)
BUILD=$(go run ./tools/fyneversion -toml FyneApp.toml -print-build)
APPID=eu.warmlead.desktop
ARCH=$(dpkg --print-architecture)
DEB=dist/warmlead_${VERSION}-${BUILD}_$ARCH.deb
TARXZ=dist/warmlead-$VERSION-linux-amd64.tar.xz
ZIP=dist/warmlead-$VERSION-windows-amd64.zip
ART=$(realpath -m artifacts)
mkdir -p "$ART"
TMP=$(mktemp -d /tmp/warmlead-package-test.XXXXXX)
PIDS=()
cleanup() {
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
	if [ -n "${WINEPREFIX:-}" ]; then "${WINESERVER:-wineserver}" -k 2>/dev/null || true; fi
	rm -rf "$TMP"
}
trap cleanup EXIT

say() { echo "package-test: $*"; }
die() {
	echo "package-test: FAIL: $*" >&2
	exit 1
}
# No session bus: without this, D-Bus autolaunch would start a bus and the
# desktop portals for each GUI run and leave them behind.
export DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/warmlead-package-test-bus
[ -n "${DISPLAY:-}" ] || die "no DISPLAY: run it through make package-test (xvfb-run)"
need() { [ -f "$1" ] || die "$1 is missing: run make package first"; }

test_sums() {
	need "dist/warmlead-$VERSION-SHA256SUMS"
	(cd dist && sha256sum -c --quiet "warmlead-$VERSION-SHA256SUMS") || die "SHA256SUMS do not match dist/"
	local n
	n=$(wc -l <"dist/warmlead-$VERSION-SHA256SUMS")
	[ "$n" -eq 3 ] || die "SHA256SUMS lists $n files, not the 3 packages"
	say "== dist/warmlead-$VERSION-SHA256SUMS: the 3 packages match"
}

# window_up PATTERN SECONDS: a top-level window whose name contains PATTERN.
window_up() {
	local end=$((SECONDS + $2))
	while [ $SECONDS -lt $end ]; do
		xwininfo -root -tree 2>/dev/null | grep -qF -- "$1" && return 0
		sleep 0.5
	done
	return 1
}

# shot FILE: a screenshot of the screen once it is not one flat colour.
shot() {
	local sd end=$((SECONDS + 20))
	while [ $SECONDS -lt $end ]; do
		import -window root "$1"
		sd=$(convert "$1" -format '%[fx:standard_deviation]' info:)
		if awk -v s="$sd" 'BEGIN { exit !(s >= 0.02) }'; then
			say "screenshot $1 (standard deviation $sd)"
			return 0
		fi
		sleep 0.5
	done
	die "$1 stays blank (standard deviation $sd)"
}

# A home, a database and a passphrase of its own for each GUI run.
gui_env() {
	local h=$TMP/home-$1
	mkdir -p "$h"
	mkdir -p -m 700 "$h/run"
	echo "env HOME=$h XDG_CONFIG_HOME=$h/.config XDG_RUNTIME_DIR=$h/run WARMLEAD_DB=$h/warmlead.db WARMLEAD_NO_KEYRING=1 LANG=en_US.UTF-8"
}

stop_gui() {
	kill "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
}

test_deb() {
	local t0=$SECONDS root=$TMP/root
	need "$DEB"
	say "== .deb: $DEB"
	dpkg-deb -I "$DEB" >"$ART/package-deb-info.txt"
	dpkg-deb -c "$DEB" >>"$ART/package-deb-info.txt"
	mkdir -p "$root"
	dpkg -x "$DEB" "$root"
	local bin=$root/usr/bin/warmlead
	[ -x "$bin" ] || die "no /usr/bin/warmlead in the .deb"

	# Declared dependencies: each group (a | b) has a Debian package whose
	# candidate version satisfies the constraint.
	local depends
	depends=$(dpkg-deb -f "$DEB" Depends)
	say "Depends: $depends"
	local declared="" group alt name op ver cand ok
	IFS=',' read -ra groups <<<"$depends"
	for group in "${groups[@]}"; do
		ok=""
		IFS='|' read -ra alts <<<"$group"
		for alt in "${alts[@]}"; do
			read -r name op ver <<<"$(sed -E 's/^ *([^ (]+) *(\(([<>=]+) *([^)]+)\))? *$/\1 \3 \4/' <<<"$alt")"
			declared="$declared $name"
			cand=$(apt-cache policy "$name" 2>/dev/null | awk '/Candidate:/ { print $2 }')
			[ -n "$cand" ] && [ "$cand" != "(none)" ] || continue
			if [ -z "$op" ] || dpkg --compare-versions "$cand" "$op" "$ver"; then ok=$name; fi
		done
		[ -n "$ok" ] || die "no Debian package satisfies the declared dependency '$group'"
	done
	say "every declared dependency is a Debian package with a fitting version"
	local rec
	rec=$(dpkg-deb -f "$DEB" Recommends)
	IFS='|' read -ra alts <<<"$rec"
	ok=""
	for alt in "${alts[@]}"; do apt-cache show --no-all-versions "${alt// /}" >/dev/null 2>&1 && ok=1; done
	[ -n "$ok" ] || die "no package of Recommends: $rec exists"
	# What `apt install ./warmlead_*.deb` would do, resolved against the
	# Debian archive without installing anything.
	apt-get install -s -q "./$DEB" >"$ART/package-deb-apt-simulate.txt" 2>&1 ||
		die "apt-get install -s ./$DEB: $(tail -5 "$ART/package-deb-apt-simulate.txt")"
	say "apt-get install -s ./$DEB resolves: $(grep -c '^Inst ' "$ART/package-deb-apt-simulate.txt") package(s) to install here"

	# Each library the binary links (ELF NEEDED) or that GLFW dlopens at
	# start (the X11 extension libraries named in the binary): which Debian
	# package ships it, and is that one declared?
	local so path pkg missing="" seen=""
	for so in $(objdump -p "$bin" | awk '/NEEDED/ { print $2 }') \
		$(strings "$bin" | grep -E '^libX[A-Za-z0-9_-]*\.so\.[0-9]+$'); do
		[[ " $seen " == *" $so "* ]] && continue
		seen="$seen $so"
		pkg=""
		for path in /usr/lib/x86_64-linux-gnu/$so /lib/x86_64-linux-gnu/$so /usr/lib64/$so /lib64/$so; do
			pkg=$(dpkg -S "$path" 2>/dev/null | head -1 | cut -d: -f1) && [ -n "$pkg" ] && break
		done
		[ -n "$pkg" ] || die "$so: no installed Debian package ships it"
		if [[ " $declared " == *" $pkg "* ]]; then
			say "  $so <- $pkg (declared)"
		else
			missing="$missing $so($pkg)"
		fi
	done
	[ -z "$missing" ] || die "linked libraries whose package is not declared:$missing"
	if ldd "$bin" | grep -q 'not found'; then die "$(ldd "$bin" | grep 'not found')"; fi

	# What the package installs for the desktop.
	local desktop=$root/usr/share/applications/$APPID.desktop
	desktop-file-validate "$desktop" || die "desktop-file-validate $desktop"
	appstreamcli validate --no-net "$root/usr/share/metainfo/$APPID.metainfo.xml" >/dev/null ||
		die "appstreamcli validate of the installed metainfo"
	local icon
	icon=$(sed -n 's/^Icon=//p' "$desktop")
	for s in 16 32 48 64 128 256; do
		[ -f "$root/usr/share/icons/hicolor/${s}x${s}/apps/$icon.png" ] || die "no ${s}x${s} hicolor icon $icon"
	done
	[ "$(identify -format '%wx%h' "$root/usr/share/icons/hicolor/48x48/apps/$icon.png")" = 48x48 ] || die "48x48 icon has the wrong size"

	local v
	v=$("$bin" version)
	[[ $v == "warmlead $VERSION (build $BUILD) linux/"* ]] || die "installed binary says: $v"
	say "installed binary: $v"

	# The installed binary, started as it is: the setup window.
	local envs pid
	envs=$(gui_env deb)
	$envs "$bin" >"$ART/package-deb-gui.log" 2>&1 &
	pid=$!
	PIDS+=("$pid")
	window_up '"Warmlead — Setup"' 30 || die "the installed binary opened no setup window: $(cat "$ART/package-deb-gui.log")"
	shot "$ART/package-deb-setup.png"
	stop_gui "$pid"

	# The .desktop entry's Exec line (field codes dropped), with the fresh
	# root's bin first on PATH, as a launcher would run it.
	local exec
	exec=$(sed -n 's/^Exec=//p' "$desktop" | sed -E 's/ ?%[fFuUdDnNickvm]//g')
	[ -n "$exec" ] || die "no Exec line"
	say "Exec=$exec"
	envs=$(gui_env desktop)
	$envs PATH="$root/usr/bin:$PATH" sh -c "exec $exec" >"$ART/package-desktop-exec.log" 2>&1 &
	pid=$!
	PIDS+=("$pid")
	window_up '"Warmlead — Setup"' 30 || die "the .desktop Exec line opened no window: $(cat "$ART/package-desktop-exec.log")"
	shot "$ART/package-desktop-exec.png"
	stop_gui "$pid"
	say ".deb passed in $((SECONDS - t0)) s"
}

test_archive() {
	local t0=$SECONDS a=$TMP/archive
	need "$TARXZ"
	say "== archive: $TARXZ"
	mkdir -p "$a"
	tar -xJf "$TARXZ" -C "$a"
	make -s -C "$a/warmlead-$VERSION" install DESTDIR="$a/inst" PREFIX=/usr >/dev/null
	for f in usr/bin/warmlead usr/share/applications/$APPID.desktop usr/share/metainfo/$APPID.metainfo.xml \
		usr/share/icons/hicolor/256x256/apps/$APPID.png usr/share/icons/hicolor/16x16/apps/$APPID.png; do
		[ -e "$a/inst/$f" ] || die "make install from the archive put no $f"
	done
	[[ $("$a/inst/usr/bin/warmlead" version) == "warmlead $VERSION "* ]] || die "archive binary's version"
	say "archive installs binary, .desktop, metainfo and icons ($((SECONDS - t0)) s)"
}

test_wine() {
	local t0=$SECONDS w=$TMP/wine
	need "$ZIP"
	# Debian's wine64 loader itself (the wine wrapper would only add a hint
	# about the 32-bit wine32, which a 64-bit exe does not need).
	local wine=/usr/lib/wine/wine64
	# Wine reads the command line in the Unix locale's charset: a locale
	# that is not installed (the Makefile's en_US.UTF-8 on a bare machine)
	# makes it 7-bit and "Jørgen" arrives as "JC8rgen". C.UTF-8 is always there.
	export LANG=C.UTF-8 LC_ALL=C.UTF-8
	export WINELOADER=$wine WINESERVER=/usr/lib/wine/wineserver
	say "== Windows under Wine: $ZIP ($($wine --version))"
	export WINEPREFIX=$TMP/wineprefix WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
	mkdir -p "$w"
	WINEDEBUG=-all $wine wineboot -i >/dev/null 2>&1 || die "wineboot failed"
	unzip -q "$ZIP" -d "$w"
	local dir=$w/warmlead-$VERSION
	[ -f "$dir/README.txt" ] || die "no README.txt in the zip"
	# Wine 8.0 has no bcryptprimitives.dll, where Go's runtime gets random
	# bytes (ProcessPrng) on every Windows 10/11: a test-only stand-in goes
	# into the Wine prefix's system32, where Go's runtime loads it from
	# (packaging/wine/bcryptprimitives.c); nothing of it is in the zip.
	x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
		packaging/wine/bcryptprimitives.c packaging/wine/bcryptprimitives.def -ladvapi32
	cd "$dir"
	printf 'wine package test passphrase\n' >pass.txt
	local W=($wine warmlead.exe) G=(--db warmlead.db --password-file pass.txt --no-keyring) out
	run() { WINEDEBUG=-all "${W[@]}" "$@" 2>>"$ART/package-wine-cli.log"; }
	: >"$ART/package-wine-cli.log"
	out=$(run version) || die "warmlead.exe version failed: $(cat "$ART/package-wine-cli.log")"
	out=${out%$'\r'}
	[[ $out == "warmlead $VERSION (build $BUILD) windows/amd64 "* ]] || die "warmlead.exe version says: $out"
	say "wine warmlead.exe version: $out"
	out=$(run init "${G[@]}" --rep "Rita Jansen" --company "Acme BV" --privacy-url https://acme.example/privacy) ||
		die "init: $out $(tail -3 "$ART/package-wine-cli.log")"
	say "wine warmlead.exe init: $out"
	out=$(run add "${G[@]}" --name "Jørgen Ångström" --company "Nordlys AS" --email jorgen@nordlys.example --source card --event Nor-Shipping) ||
		die "add: $out $(tail -3 "$ART/package-wine-cli.log")"
	say "wine warmlead.exe add: $out"
	out=$(run list "${G[@]}") || die "list: $out $(tail -3 "$ART/package-wine-cli.log")"
	grep -q "Jørgen Ångström" <<<"$out" || die "list does not show the added prospect: $out"
	say "wine warmlead.exe list: $(tr -d '\r' <<<"$out" | tr '\n' '|')"
	out=$(run report "${G[@]}" --out report.pdf --from 2026-01-01 --to 2030-12-31 --summaries --reason "package test") ||
		die "report: $out $(tail -3 "$ART/package-wine-cli.log")"
	say "wine warmlead.exe report: $out"
	pdfinfo report.pdf >/dev/null || die "report.pdf is no PDF"
	pdftotext report.pdf - | grep -q "Ångström" || die "report.pdf does not name the prospect"
	cp report.pdf "$ART/package-wine-report.pdf"
	say "headless commands under Wine passed ($((SECONDS - t0)) s)"

	# The window: Fyne needs OpenGL 2.1 through Wine's opengl32 (WGL on the
	# X server's GLX). Whether it opens or not, Wine's own lines are kept.
	local pid t1=$SECONDS
	env WARMLEAD_DB=gui.db WARMLEAD_NO_KEYRING=1 $wine warmlead.exe >"$ART/package-wine-gui.log" 2>&1 &
	pid=$!
	PIDS+=("$pid")
	if window_up 'Warmlead' 60; then
		sleep 2
		shot "$ART/package-wine-setup.png"
		say "Wine opened Fyne's window ($((SECONDS - t1)) s): artifacts/package-wine-setup.png"
		xwininfo -root -tree | grep -F Warmlead | sed 's/^ */package-test:   window /'
	else
		say "Wine opened no window in 60 s; what it printed (artifacts/package-wine-gui.log):"
		sed 's/^/package-test:   wine: /' "$ART/package-wine-gui.log" | head -40
	fi
	stop_gui "$pid"
	$WINESERVER -k 2>/dev/null || true
	cd - >/dev/null
	say "Wine passed in $((SECONDS - t0)) s"
}

steps=${*:-sums deb archive wine}
for s in $steps; do "test_$s"; done
say "all package tests passed ($SECONDS s): $steps"
