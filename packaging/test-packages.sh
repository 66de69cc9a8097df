#!/usr/bin/env bash
# The packaging test (CTest runs it; CI too): builds the DEB and RPM from a build directory,
# checks their metadata and contents, unpacks the .deb into a temporary root and checks that
# every executable finds its libraries, validates the desktop file and AppStream metainfo,
# and — on CI, where the user may install packages — installs the .deb with apt-get, runs the
# installed stepwatch (--version, and --demo --screenshot offscreen) and removes it again.
#
#   packaging/test-packages.sh BUILD_DIR
set -euo pipefail
build=$(cd "${1:?usage: test-packages.sh BUILD_DIR}" && pwd)
app_id=io.github.stepwatch.Stepwatch
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "--- $*"; }

step "cpack -G DEB;RPM"
(cd "$work" && cpack --config "$build/CPackConfig.cmake" -G "DEB;RPM" -B "$work/out" > "$work/cpack.log" 2>&1) \
    || { cat "$work/cpack.log" >&2; fail "cpack"; }
deb=$(ls "$work"/out/stepwatch_*.deb)
rpm=$(ls "$work"/out/stepwatch-*.rpm)
echo "$(basename "$deb") $(du -h "$deb" | cut -f1), $(basename "$rpm") $(du -h "$rpm" | cut -f1)"

step "dpkg -I: name, version, dependencies"
info=$(dpkg-deb -I "$deb")
echo "$info" | grep -E '^ (Package|Version|Depends|Recommends):'
grep -q '^ Package: stepwatch$' <<<"$info" || fail "package name"
grep -q "^ Version: $(sed -n "s/^project(Stepwatch VERSION \\([0-9.]*\\).*/\\1/p" "$(dirname "$0")/../CMakeLists.txt")$" <<<"$info" || fail "version"
depends=$(grep '^ Depends:' <<<"$info")
for lib in libqt6svg6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6charts6 \
    libc6 libstdc++6; do
    grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib"
done
# The simulator serves HTTP with its own small server (body and time limits of its own); Qt's
# HTTP server module is for the tests only and must not be a run-time dependency.
if grep -q libqt6httpserver6 <<<"$depends"; then fail "Depends has libqt6httpserver6"; fi

step "dpkg -c: contents"
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for path in ./usr/bin/stepwatch ./usr/bin/stepwatch-cli ./usr/bin/stepwatch-sim \
    ./usr/share/applications/$app_id.desktop ./usr/share/metainfo/$app_id.metainfo.xml \
    ./usr/share/icons/hicolor/scalable/apps/$app_id.svg \
    ./usr/share/icons/hicolor/48x48/apps/$app_id.png \
    ./usr/share/icons/hicolor/256x256/apps/$app_id.png \
    ./usr/share/man/man1/stepwatch.1.gz ./usr/share/man/man1/stepwatch-cli.1.gz \
    ./usr/share/man/man1/stepwatch-sim.1.gz ./usr/share/doc/stepwatch/copyright; do
    grep -qx "$path" <<<"$contents" || fail "the .deb lacks $path"
done
echo "$(wc -l <<<"$contents") entries, all expected files present"

step "rpm -qpR / -qpl"
requires=$(rpm -qpR "$rpm" 2>/dev/null)
grep -q 'libQt6Core.so.6' <<<"$requires" || fail "RPM requires no libQt6Core"
grep -q 'libQt6Charts.so.6' <<<"$requires" || fail "RPM requires no libQt6Charts"
grep -q 'qt6-qtsvg' <<<"$requires" || fail "RPM requires no qt6-qtsvg"
rpm_files=$(rpm -qpl "$rpm" 2>/dev/null)
for exe in stepwatch stepwatch-cli stepwatch-sim; do
    grep -qx "/usr/bin/$exe" <<<"$rpm_files" || fail "RPM lacks /usr/bin/$exe"
done
echo "$(wc -l <<<"$requires") requirements, e.g. $(grep -m1 Qt6Widgets <<<"$requires")"

step "unpacked .deb: stripped, every library found"
root="$work/root"
dpkg-deb -x "$deb" "$root"
for exe in stepwatch stepwatch-cli stepwatch-sim; do
    grep -q ', stripped' <<<"$(file "$root/usr/bin/$exe")" || fail "$exe is not stripped"
    missing=$(ldd "$root/usr/bin/$exe" | grep 'not found' || true)
    [[ -z $missing ]] || fail "$exe: $missing"
done
echo "stripped, no missing libraries"

step "the version everywhere"
version=$(dpkg-deb -f "$deb" Version)
grep -q "<release version=\"$version\"" "$root/usr/share/metainfo/$app_id.metainfo.xml" \
    || fail "the metainfo has no release notes for $version"
grep -q "^\.TH .*\"Stepwatch $version\"" <<<"$(zcat "$root/usr/share/man/man1/stepwatch.1.gz")" \
    || fail "the man page does not say $version"
grep -q " $version " <<<"$("$root/usr/bin/stepwatch-cli" --version)" || fail "stepwatch-cli --version"
echo "$version in the package, the metainfo, the man pages and --version"

step "desktop-file-validate, appstreamcli validate"
desktop-file-validate "$root/usr/share/applications/$app_id.desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml"

step "the unpacked stepwatch runs"
"$root/usr/bin/stepwatch" --version
"$root/usr/bin/stepwatch-cli" --version
"$root/usr/bin/stepwatch-sim" --version

if [[ ${CI:-} == true ]] && { [[ $(id -u) -eq 0 ]] || sudo -n true 2>/dev/null; }; then
    sudo=(); [[ $(id -u) -eq 0 ]] || sudo=(sudo -n)
    if dpkg-query -W stepwatch >/dev/null 2>&1; then
        fail "a stepwatch package is already installed; not touching it"
    fi
    step "apt-get install ./$(basename "$deb")"
    cp "$deb" "$work/install.deb"
    chmod 644 "$work/install.deb"; chmod 755 "$work"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$work/install.deb" >/dev/null
    trap '"${sudo[@]}" apt-get remove -y -qq stepwatch >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
    /usr/bin/stepwatch --version
    XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" QT_QPA_PLATFORM=offscreen \
        timeout 180 /usr/bin/stepwatch --demo --screenshot "$work/installed.png"
    [[ $(file -b "$work/installed.png") == PNG* ]] || fail "no screenshot from the installed stepwatch"
    echo "installed, ran, removed"
else
    echo "--- not installing the package (only on CI, as root or with sudo)"
fi
echo "packaging: OK"
