#!/usr/bin/env python3
"""Derives the Census dialect's country list from the shared data folder.

Usage: python3 docs/derive-census-reference.py ../shared
Writes src/main/resources/reference/census_countries.csv: Schedule C code, the name as the Census API writes it
(upper case), ISO 3166 alpha-2, and the Comtrade area codes of that country in areas.csv (same alpha-2, or the
manual rows below). The running service never reads the shared folder.
"""
import csv, os, re, sys

shared = sys.argv[1] if len(sys.argv) > 1 else '../shared'
ref = os.path.join(os.path.dirname(__file__), '..', 'src', 'main', 'resources', 'reference')
census = os.path.join(shared, 'data', 'reference', 'census')

# Names the Census API writes differently from the Schedule C list.
NAMES = {'5800': 'KOREA, SOUTH', '5790': 'KOREA, NORTH', '4621': 'RUSSIA', '5020': 'BURMA', '1000': 'UNITED STATES'}
# Comtrade areas without an alpha-2 of their own: 490 "Other Asia, nes" is Taiwan.
MANUAL = {'5830': ['490']}

areas = {}
with open(os.path.join(ref, 'areas.csv'), encoding='utf-8', newline='') as f:
    for row in csv.DictReader(f):
        if row['iso2'] and row['is_group'] == '0':
            areas.setdefault(row['iso2'], []).append(row['code'])

rows = []
with open(os.path.join(census, 'schedule_c_country_codes.txt'), encoding='utf-8') as f:
    for line in f:
        m = re.match(r'^(\d{4})\s*\|\s*(.+?)\s*\|\s*([A-Z]{2})?\s*$', line)
        if not m:
            continue
        code, name, iso2 = m.group(1), m.group(2), m.group(3) or ''
        census_name = NAMES.get(code, re.sub(r'\s*\(.*\)', '', name).upper())
        comtrade = MANUAL.get(code, areas.get(iso2, []))
        rows.append([code, census_name, iso2, ' '.join(comtrade)])

with open(os.path.join(ref, 'census_countries.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['code', 'name', 'iso2', 'comtrade'])
    w.writerows(rows)
print(len(rows), 'countries,', sum(1 for r in rows if not r[3]), 'without a Comtrade area')
