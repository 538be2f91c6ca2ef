#!/bin/sh
# Turn a text file into a C array: embed.sh NAME FILE > header.h
set -eu
name=$1; file=$2
echo "/* generated from $file; do not edit */"
echo "static const char ${name}[] = {"
od -An -v -t x1 "$file" | awk '{ s = ""; for (i = 1; i <= NF; i++) s = s "0x" $i ","; print "  " s }'
echo "  0x00 };"
echo "static const size_t ${name}_len = sizeof(${name}) - 1;"
