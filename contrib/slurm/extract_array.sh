#!/usr/bin/env bash
# One task of a Slurm job array: runs `quoteledger extract` over one shard of
# a sorted manifest (one article path a line) and writes the shard's claims
# to OUTDIR/shard-NNNNN.jsonl. Shard I holds the manifest's lines
# I*PER+1 .. (I+1)*PER, PER = ceil(lines / SHARDS), so every index always
# gets the same articles however often it is run. The output is written to
# a temporary file in OUTDIR and renamed into place only when extract
# succeeded, so a shard file is either whole or absent, and rerunning any
# failed index (sbatch --array=7,12 ...) is safe. Then `quoteledger merge`
# stores the shards in one ledger (contrib/slurm/README.md).
#
#   sbatch --array=0-$((SHARDS - 1)) contrib/slurm/extract_array.sh \
#       MANIFEST OUTDIR SHARDS [extract options, e.g. --rules my.rules]
#
# $QUOTELEDGER names the binary (default: quoteledger on PATH). Exit 0 when
# the shard is written; non-zero (and no shard file) otherwise.
#SBATCH --job-name=quoteledger-extract
#SBATCH --cpus-per-task=1
set -euo pipefail

die() { echo "extract_array.sh: $*" >&2; exit 2; }
[ $# -ge 3 ] || die "usage: sbatch --array=0-(SHARDS-1) $0 MANIFEST OUTDIR SHARDS [extract options]"
manifest=$1 outdir=$2 shards=$3
shift 3
q=${QUOTELEDGER:-quoteledger}
index=${SLURM_ARRAY_TASK_ID:?not inside a job array: submit with sbatch --array=0-$((shards - 1))}

[ -r "$manifest" ] || die "$manifest: cannot read the manifest"
[ -d "$outdir" ] && [ -w "$outdir" ] || die "$outdir: not a writable folder (make it first)"
[[ $shards =~ ^[1-9][0-9]*$ ]] || die "SHARDS must be a positive number, not '$shards'"
[[ $index =~ ^[0-9]+$ ]] && [ "$index" -lt "$shards" ] ||
  die "array index $index is outside 0..$((shards - 1)); submit with --array=0-$((shards - 1))"
# The shard of an index must not depend on how the manifest was listed.
LC_ALL=C sort -c "$manifest" 2>/dev/null ||
  die "$manifest is not sorted; make it with: find ARTICLES -type f | LC_ALL=C sort > $manifest"
lines=$(grep -c '' "$manifest")
[ "$lines" -ge "$shards" ] || die "$manifest lists $lines articles, fewer than $shards shards"
first=$(( index * lines / shards + 1 ))
last=$(( (index + 1) * lines / shards ))
mapfile -t articles < <(sed -n "${first},${last}p" "$manifest")
[ "${#articles[@]}" -gt 0 ] || die "$manifest: lines $first-$last are missing (it changed after submitting?)"

name=$(printf 'shard-%05d.jsonl' "$index")
tmp="$outdir/.$name.tmp.${SLURM_JOB_ID:-$$}"
trap 'rm -f "$tmp"' EXIT
# Same file system as the shard, so the rename is atomic.
if ! "$q" extract "$@" -o "$tmp" -- "${articles[@]}"; then
  die "extract failed for shard $index (manifest lines $first-$last); no shard written: fix it and rerun with --array=$index"
fi
sync "$tmp" 2>/dev/null || true
mv -f "$tmp" "$outdir/$name"
echo "shard $index: ${#articles[@]} articles (manifest lines $first-$last) -> $outdir/$name"
