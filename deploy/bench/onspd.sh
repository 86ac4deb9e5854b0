#!/usr/bin/env bash
# Benchmark: reading the ONS Postcode Directory as supplier-service does at start-up (time, heap kept).
# Usage: deploy/bench/onspd.sh [ONSPD_..._UK.csv] [runs]
# Without a file, a synthetic one of the real directory's size and shape is written to target/ first: 2.7 million
# rows in the long-standing 52-column layout (quoted cells), 11% of them in the North West, 1 in 5 terminated.
set -euo pipefail
cd "$(dirname "$0")/../.."
file=${1:-}
runs=${2:-3}
./mvnw -q -B -f supplier-service/pom.xml test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
if [[ -z "$file" ]]; then
  file=supplier-service/target/onspd-synthetic.csv
  if [[ ! -s "$file" ]]; then
    python3 - "$file" <<'PY'
import random, sys
random.seed(1)
cols = ["pcd","pcd2","pcds","dointr","doterm","oscty","ced","oslaua","osward","parish","usertype","oseast1m",
        "osnrth1m","osgrdind","oshlthau","nhser","ctry","rgn","streg","pcon","eer","teclec","ttwa","pct","itl",
        "statsward","oa01","casward","npark","lsoa01","msoa01","ur01ind","oac01","oa11","lsoa11","msoa11","wz11",
        "sicbl","bua24","ru11ind","oac11","lat","long","lep1","lep2","pfa","imd","calncv","icb","oa21","lsoa21","msoa21"]
areas = ["WN","WA","M","BL","PR","L","B","LS","S","EC","G","CF"]
with open(sys.argv[1], "w") as out:
    out.write(",".join('"%s"' % c for c in cols) + "\n")
    for i in range(2_700_000):
        nw = random.random() < 0.11
        area = random.choice(areas[:6] if nw else areas[6:])
        pc = "%s%d %d%s%s" % (area, random.randint(1, 99), random.randint(0, 9),
                              chr(65 + random.randint(0, 25)), chr(65 + random.randint(0, 25)))
        row = ['"%s"' % pc.replace(" ", ""), '"%s"' % pc, '"%s"' % pc, '"198001"',
               '"%s"' % ("200512" if random.random() < 0.2 else ""), '"E99999999"', '"E99999999"',
               '"E080000%02d"' % random.randint(1, 10), '"E050%05d"' % random.randint(0, 99999), '"E43000001"',
               '"0"', '"358000"', '"405000"', '"1"', '"E38000205"', '"E40000010"', '"E92000001"',
               '"%s"' % ("E12000002" if nw else "E12000007")]
        row += ['"E%08d"' % random.randint(0, 99999999) for _ in range(len(cols) - len(row) - 2)]
        row += ["53.%06d" % random.randint(0, 999999), "-2.%06d" % random.randint(0, 999999)]
        out.write(",".join(row) + "\n")
PY
  fi
fi
echo "$(wc -l < "$file") lines, $(du -h "$file" | cut -f1): $file"
java -Xmx2g -cp "supplier-service/target/test-classes:supplier-service/target/classes:$(cat supplier-service/target/bench.classpath)" \
  org.anchormarket.supplier.bench.OnsPostcodeDirectoryBench "$file" "$runs"
