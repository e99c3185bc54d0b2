#!/usr/bin/env bash
# Builds the release packages into dist/ (make package runs it, after
# make package-deps has installed the tools):
#
#   packaging/package.sh linux     fyne package archive (+ hicolor icons,
#                                  metainfo) and the .deb
#   packaging/package.sh windows   warmlead.exe (mingw-w64, icon and version
#                                  resource) zipped with a README
#   packaging/package.sh flatpak   the Flatpak manifest's syntax and paths
#   packaging/package.sh sums      warmlead-VERSION-SHA256SUMS over dist/
#
# The version is FyneApp.toml's, in every file name. `fyne package` writes
# into the source folder while it runs (fyne_metadata_init.go, fyne.syso),
# so the steps run one after the other, never side by side in one checkout.
set -euo pipefail
cd "$(dirname "$0")/.."

FYNE=${FYNE:-$(go env GOPATH)/bin/fyne}
VERSION=$(go run ./tools/fyneversion -toml FyneApp.toml -print)
BUILD=$(go run ./tools/fyneversion -toml FyneApp.toml -print-build)
APPID=eu.warmlead.desktop
DIST=dist
WORK=bin/package
ICON_SIZES="16 24 32 48 64 128 256"
# Debian packages the binary needs but does not link, so dpkg-shlibdeps
# cannot see them. The Linux build reads card photos with Tesseract (the
# tesseract build tag, cardscan/): dpkg-shlibdeps adds libtesseract5 and
# libleptonica6 by itself; the language data of the five languages goes
# here. The Windows build has no Tesseract (QR codes only, see cardscan).
EXTRA_DEPENDS=${EXTRA_DEPENDS:-tesseract-ocr-eng, tesseract-ocr-nld, tesseract-ocr-nor, tesseract-ocr-swe, tesseract-ocr-deu}
LINUX_TAGS=${LINUX_TAGS:-tesseract}

# fyne package bumps Build in FyneApp.toml and rewrites the file without
# its comments after every package; the release's build number is the one
# committed, so the file is put back after each fyne run.
fyne_package() {
	local keep
	keep=$(mktemp)
	cp FyneApp.toml "$keep"
	local rc=0
	"$FYNE" package "$@" || rc=$?
	cp "$keep" FyneApp.toml
	# what fyne leaves in the source folder only while it runs; a failed run
	# must not leave the Windows resource (.syso) for a later Linux build
	rm -f "$keep" fyne.syso fyne_metadata_init.go
	return $rc
}

say() { echo "package: $*"; }
die() {
	echo "package: $*" >&2
	exit 1
}

# Every file name and the app must agree on the version.
check_version() {
	[ "$(grep -c "version=\"$VERSION\"" packaging/linux/$APPID.metainfo.xml)" -ge 1 ] ||
		die "packaging/linux/$APPID.metainfo.xml has no <release version=\"$VERSION\">: add one for FyneApp.toml's version"
	grep -q "Version = \"$VERSION\"" ui/cli/version_gen.go ||
		die "ui/cli/version_gen.go is not FyneApp.toml's $VERSION: run go generate ./ui/cli/"
}

linux() {
	check_version
	local w=$WORK/linux
	rm -rf "$w" Warmlead.tar.xz
	mkdir -p "$w" "$DIST"
	say "fyne package -os linux -release ($VERSION build $BUILD)"
	fyne_package -os linux -release -tags "$LINUX_TAGS" -app-version "$VERSION" -app-build "$BUILD"
	tar -xJf Warmlead.tar.xz -C "$w"
	rm Warmlead.tar.xz
	local fyneroot=$w/warmlead/usr/local
	[ -d "$fyneroot" ] || fyneroot=$w/warmlead/usr
	local desktop=$fyneroot/share/applications/$APPID.desktop
	[ -x "$fyneroot/bin/warmlead" ] || die "no binary in fyne's archive"
	desktop-file-validate "$desktop" || die "$desktop: desktop-file-validate failed"
	cmp -s "$desktop" packaging/flatpak/$APPID.desktop ||
		die "the .desktop fyne writes from FyneApp.toml differs from packaging/flatpak/$APPID.desktop: copy it there ($(diff "$desktop" packaging/flatpak/$APPID.desktop | head -5))"
	appstreamcli validate --no-net packaging/linux/$APPID.metainfo.xml >/dev/null ||
		die "appstreamcli validate packaging/linux/$APPID.metainfo.xml failed"
	local got
	got=$("$fyneroot/bin/warmlead" version)
	case $got in "warmlead $VERSION (build $BUILD) "*) ;; *) die "the built binary says: $got" ;; esac

	# The archive: fyne's tree (binary, .desktop, pixmap), completed with
	# the hicolor icons and the AppStream metainfo, and a Makefile that
	# installs all of it.
	local top=warmlead-$VERSION
	local a=$w/archive/$top
	mkdir -p "$a"
	cp -a "$w/warmlead/usr" "$a/"
	local share=$a/${fyneroot#"$w/warmlead/"}/share
	for s in $ICON_SIZES; do
		mkdir -p "$share/icons/hicolor/${s}x${s}/apps"
		convert assets/icon.png -resize "${s}x${s}" -depth 8 -strip "PNG32:$share/icons/hicolor/${s}x${s}/apps/$APPID.png"
	done
	install -Dm644 packaging/linux/$APPID.metainfo.xml "$share/metainfo/$APPID.metainfo.xml"
	sed -e "s|@LOCAL@|${fyneroot#"$w/warmlead/usr"}|" packaging/linux/Makefile >"$a/Makefile"
	sed -e "s|@VERSION@|$VERSION|g" packaging/linux/README.txt >"$a/README.txt"
	tar -C "$w/archive" --owner=0 --group=0 -cJf "$DIST/warmlead-$VERSION-linux-amd64.tar.xz" "$top"
	say "$DIST/warmlead-$VERSION-linux-amd64.tar.xz"

	# The .deb: the same files under /usr, dependencies from the binary.
	local r=$w/deb
	install -Dm755 "$fyneroot/bin/warmlead" "$r/usr/bin/warmlead"
	install -Dm644 "$desktop" "$r/usr/share/applications/$APPID.desktop"
	install -Dm644 packaging/linux/$APPID.metainfo.xml "$r/usr/share/metainfo/$APPID.metainfo.xml"
	for s in $ICON_SIZES; do
		install -Dm644 "$share/icons/hicolor/${s}x${s}/apps/$APPID.png" "$r/usr/share/icons/hicolor/${s}x${s}/apps/$APPID.png"
	done
	install -Dm644 packaging/deb/copyright "$r/usr/share/doc/warmlead/copyright"
	local depends
	depends=$(deb_depends "$r/usr/bin/warmlead")
	[ -n "$EXTRA_DEPENDS" ] && depends="$depends, $EXTRA_DEPENDS"
	# The PDFs' fallback fonts for Arabic, Hebrew and CJK names (read from
	# the system, not embedded: ui/usecase/pdffonts.go).
	depends="$depends, fonts-dejavu-core, fonts-droid-fallback"
	mkdir -p "$r/DEBIAN"
	sed -e "s|@DEB_VERSION@|$VERSION-$BUILD|" -e "s|@ARCH@|$(dpkg --print-architecture)|" \
		-e "s|@INSTALLED_SIZE@|$(du -sk --exclude=DEBIAN "$r" | cut -f1)|" -e "s|@DEPENDS@|$depends|" \
		packaging/deb/control.in >"$r/DEBIAN/control"
	(cd "$r" && find usr -type f -print0 | sort -z | xargs -0 md5sum >DEBIAN/md5sums)
	local deb=$DIST/warmlead_${VERSION}-${BUILD}_$(dpkg --print-architecture).deb
	dpkg-deb --root-owner-group -Zxz --build "$r" "$deb" >/dev/null
	say "$deb (Depends: $depends)"
}

# deb_depends BINARY: the Debian packages of the shared libraries the
# binary needs. Linked ones (ELF NEEDED) through dpkg-shlibdeps, with the
# minimum versions their symbols need; and the X11 extension libraries that
# GLFW (Fyne's window layer) opens with dlopen at start, whose names are in
# the binary (libXrandr.so.2, libXcursor.so.1, ...), by the package that
# ships each. GLFW's other dlopen names (EGL, GLES, OSMesa, Vulkan) are
# fallbacks it does not use with the linked libGL, so they are not needed.
deb_depends() {
	local bin dir out so pkg
	bin=$(realpath "$1")
	dir=$(mktemp -d)
	mkdir -p "$dir/debian"
	printf 'Source: warmlead\n\nPackage: warmlead\nArchitecture: any\n' >"$dir/debian/control"
	out=$(cd "$dir" && dpkg-shlibdeps -O "$bin" 2>"$dir/err") || {
		cat "$dir/err" >&2
		die "dpkg-shlibdeps failed"
	}
	rm -rf "$dir"
	out=${out#shlibs:Depends=}
	[ -n "$out" ] || die "dpkg-shlibdeps found no dependencies"
	for so in $(dlopened_x11 "$bin"); do
		pkg=$(so_package "$so") || die "$so (dlopened by GLFW): no installed Debian package ships it"
		[[ ", $out, " == *", $pkg"[,\ ]* ]] || out="$out, $pkg"
	done
	echo "$out"
}

# dlopened_x11 BINARY: the X11 libraries GLFW loads at run time.
dlopened_x11() { strings "$1" | grep -E '^libX[A-Za-z0-9_-]*\.so\.[0-9]+$' | sort -u; }

# so_package SONAME: the installed Debian package that ships it.
so_package() {
	local path pkg
	for path in /usr/lib/x86_64-linux-gnu/$1 /lib/x86_64-linux-gnu/$1; do
		pkg=$(dpkg -S "$path" 2>/dev/null | head -1 | cut -d: -f1)
		[ -n "$pkg" ] && echo "$pkg" && return 0
	done
	return 1
}

windows() {
	check_version
	local w=$WORK/windows top=warmlead-$VERSION
	rm -rf "$w" Warmlead.exe warmlead.exe fyne.syso
	mkdir -p "$w/$top" "$DIST"
	say "fyne package -os windows -release (mingw-w64, $VERSION build $BUILD)"
	CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ GOOS=windows GOARCH=amd64 CGO_ENABLED=1 \
		fyne_package -os windows -release -app-id "$APPID" -app-version "$VERSION" -app-build "$BUILD"
	mv Warmlead.exe "$w/$top/warmlead.exe"
	# The resources fyne put in: an icon group (type 14) and a version (16)
	# carrying FyneApp.toml's version.
	LC_ALL=C.UTF-8 wrestool -l "$w/$top/warmlead.exe" | grep -q -- '--type=14' || die "warmlead.exe has no icon resource"
	LC_ALL=C.UTF-8 wrestool -x --raw --type=16 "$w/$top/warmlead.exe" | strings -el | grep -qx "$VERSION.$BUILD" ||
		die "warmlead.exe's version resource does not say $VERSION.$BUILD"
	sed -e "s|@VERSION@|$VERSION|g" -e 's/$/\r/' packaging/windows/README.txt >"$w/$top/README.txt"
	rm -f "$DIST/warmlead-$VERSION-windows-amd64.zip"
	(cd "$w" && zip -qr -X "../../../$DIST/warmlead-$VERSION-windows-amd64.zip" "$top")
	say "$DIST/warmlead-$VERSION-windows-amd64.zip"
}

# The manifest cannot be built here (no Flathub runtimes); check that
# flatpak-builder reads it without a warning and that every repository path
# its build commands install exists.
flatpak() {
	local m=packaging/flatpak/$APPID.yml err json state
	# run where its state folder (.flatpak-builder) does not land in the tree
	state=$(mktemp -d)
	json=$(cd "$state" && flatpak-builder --show-manifest "$OLDPWD/$m" 2>"$state/err") || die "$m: $(cat "$state/err")"
	err=$(cat "$state/err")
	rm -rf "$state"
	[ -z "$err" ] || die "$m: $err"
	for key in '"id" : "'$APPID'"' '"command" : "warmlead"' '"runtime" : ' '"sdk" : ' '"modules" : '; do
		grep -qF "$key" <<<"$json" || die "$m: no $key"
	done
	local p
	for p in $(grep -oE '(packaging|assets)/[A-Za-z0-9._/-]+' "$m" | sort -u); do
		[ -e "$p" ] || die "$m names $p, which does not exist"
	done
	say "$m: flatpak-builder reads it; the files it installs exist"
}

sums() {
	check_version
	local files
	files=$(cd "$DIST" && ls warmlead-"$VERSION"-linux-amd64.tar.xz warmlead_"$VERSION"-"$BUILD"_*.deb warmlead-"$VERSION"-windows-amd64.zip)
	(cd "$DIST" && sha256sum $files >"warmlead-$VERSION-SHA256SUMS" && sha256sum -c --quiet "warmlead-$VERSION-SHA256SUMS")
	say "$DIST/warmlead-$VERSION-SHA256SUMS:"
	sed 's/^/  /' "$DIST/warmlead-$VERSION-SHA256SUMS"
}

for step in "$@"; do
	case $step in
	linux | windows | flatpak | sums) "$step" ;;
	*) die "unknown step $step (linux, windows, flatpak, sums)" ;;
	esac
done
