#!/usr/bin/env bash
# Copies the full Fashion-MNIST dataset (60,000 train + 10,000 test images, IDX gzip) into datasets/fashion-mnist/full/
# (git-ignored), taking it from the Debian package dataset-fashion-mnist:
#   - already installed: copied from /usr/share/datasets/fashion-mnist;
#   - as root: apt-get install dataset-fashion-mnist first;
#   - otherwise: apt-get download + dpkg -x into a temporary folder (no root needed).
# The decompressed contents are checked against SHA-256 sums (the package re-compresses the files, so the
# upstream .gz MD5 sums do not apply). Usage: datasets/fashion-mnist/fetch.sh [--force]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$here/full"
package=dataset-fashion-mnist
source_dir=/usr/share/datasets/fashion-mnist
declare -A sha256=(
  [train-images-idx3-ubyte.gz]=c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888
  [train-labels-idx1-ubyte.gz]=bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9
  [t10k-images-idx3-ubyte.gz]=5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b
  [t10k-labels-idx1-ubyte.gz]=0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34
)

verify() { # verify DIR: every file present with the expected decompressed content
  local dir="$1" name
  for name in "${!sha256[@]}"; do
    [[ -f "$dir/$name" ]] || return 1
    [[ "$(gzip -dc "$dir/$name" | sha256sum | cut -c1-64)" == "${sha256[$name]}" ]] || { echo "checksum mismatch: $dir/$name" >&2; return 1; }
  done
}

if [[ "${1:-}" != "--force" ]] && verify "$target" 2>/dev/null; then
  echo "Fashion-MNIST already in $target"
  exit 0
fi

scratch=""
trap '[[ -n "$scratch" ]] && rm -rf "$scratch"' EXIT
if [[ ! -f "$source_dir/train-images-idx3-ubyte.gz" ]]; then
  if [[ "$(id -u)" == 0 ]]; then
    echo "installing Debian package $package ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
  else
    echo "not root: downloading Debian package $package and unpacking it without installing ..."
    scratch="$(mktemp -d)"
    (cd "$scratch" && apt-get download "$package" >/dev/null && dpkg -x "$package"_*.deb root)
    source_dir="$scratch/root/usr/share/datasets/fashion-mnist"
  fi
fi

mkdir -p "$target"
for name in "${!sha256[@]}"; do
  cp "$source_dir/$name" "$target/$name"
done
verify "$target"
echo "Fashion-MNIST copied to $target:"
ls -l "$target"
