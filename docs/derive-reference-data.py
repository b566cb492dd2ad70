#!/usr/bin/env python3
"""Derives the reference files under src/main/resources/reference from the shared data folder.

Usage: python3 docs/derive-reference-data.py ../shared
The output is committed; the running service never reads the shared folder.
"""
import csv, gzip, io, json, os, sys

shared = sys.argv[1] if len(sys.argv) > 1 else '../shared'
out = os.path.join(os.path.dirname(__file__), '..', 'src', 'main', 'resources', 'reference')
data = os.path.join(shared, 'data')
fixtures = os.path.join(shared, 'comtrade-legacy-fixtures', 'refs-2017-markozeman')

UNIT_BY_ABBR = {'kg': 8, 'u': 5, '2u': 6, 'l': 7, 'm²': 2, 'm³': 12, '1000u': 9, '12u': 11,
                'carat': 13, '1000 kWh': 3, 'm': 4, 'n/a': 1}


def read_csv(path):
    with open(path, encoding='utf-8-sig', newline='') as f:
        return list(csv.DictReader(f))


def write_csv(name, header, rows, gz=False):
    path = os.path.join(out, name)
    buf = io.StringIO(newline='')
    w = csv.writer(buf, lineterminator='\n')
    w.writerow(header)
    w.writerows(rows)
    data_bytes = buf.getvalue().encode('utf-8')
    if gz:
        with gzip.GzipFile(path, 'wb', mtime=0) as f:
            f.write(data_bytes)
    else:
        with open(path, 'wb') as f:
            f.write(data_bytes)
    print(name, len(rows))


def legacy_list(name):
    # The data folder's copy of classificationHS.json is the same list as the 2017 one, without its damaged
    # encoding ("matÃ©" for "maté" in 28 entries).
    path = os.path.join(data, 'classifications', 'hs', 'legacy_classificationHS.json') \
        if name == 'classificationHS.json' else os.path.join(fixtures, name)
    with open(path, encoding='utf-8') as f:
        return json.load(f)['results']


def areas():
    legacy_names = {}
    for e in legacy_list('partnerAreas.json') + legacy_list('reporterAreas.json'):
        if e['id'] != 'all':
            legacy_names[int(e['id'])] = e['text']
    legacy_reporters = {int(e['id']) for e in legacy_list('reporterAreas.json') if e['id'] != 'all'}
    legacy_partners = {int(e['id']) for e in legacy_list('partnerAreas.json') if e['id'] != 'all'}
    unsd = {}
    for r in read_csv(os.path.join(data, 'reference', 'legacy', 'unsd_comtrade_country_list.csv')):
        code = (r.get('Country Code') or '').strip()
        if code.isdigit():
            unsd[int(code)] = r
    merged = {}
    for r in read_csv(os.path.join(data, 'reference', 'comtrade_country_codes.csv')):
        code = int(r['id'])
        m = merged.setdefault(code, {'name': r['country'], 'iso3': r['iso_3'].strip(), 'iso2': r['iso_2'].strip(),
                                     'group': False, 'reporter': False, 'partner': False,
                                     'entry': r['entry_year'], 'exit': r['exit_year']})
        m['group'] = m['group'] or r['group'] == 'TRUE'
        m['reporter'] = m['reporter'] or r['reporter'] == 'TRUE'
        m['partner'] = m['partner'] or r['partner'] == 'TRUE'
    for code, name in legacy_names.items():
        if code not in merged:
            u = unsd.get(code, {})
            iso3 = (u.get('ISO3-digit Alpha') or '').strip()
            iso2 = (u.get('ISO2-digit Alpha') or '').strip()
            merged[code] = {'name': name, 'iso3': '' if iso3 == 'NULL' else iso3, 'iso2': '' if iso2 == 'NULL' else iso2,
                            'group': False, 'reporter': False, 'partner': False,
                            'entry': (u.get('Start Valid Year') or '').replace('NULL', ''),
                            'exit': (u.get('End Valid Year') or '').replace('NULL', '')}
    rows = []
    for code in sorted(merged):
        m = merged[code]
        name = legacy_names.get(code, m['name'])
        iso3 = 'WLD' if code == 0 else m['iso3']
        rows.append([code, name, iso3, m['iso2'], int(m['group']),
                     int(m['reporter'] or code in legacy_reporters), int(m['partner'] or code in legacy_partners),
                     m['entry'] or '', m['exit'] or ''])
    write_csv('areas.csv', ['code', 'name', 'iso3', 'iso2', 'is_group', 'reporter', 'partner', 'entry_year', 'exit_year'], rows)


def strip_prefix(code, text):
    for sep in (' - ', ' '):
        if text.startswith(code + sep):
            return text[len(code) + len(sep):]
    return text


def comtrade_tree(cls, path, rows):
    for r in read_csv(path):
        code = r['id'].strip()
        desc = 'All Commodities' if code == 'TOTAL' else strip_prefix(code, r['text'])
        parent = '' if r['parent'] in ('#', '') else r['parent']
        unit = UNIT_BY_ABBR.get(r.get('standardUnitAbbr', 'n/a'), 1)
        rows.append([cls, code, desc, parent, int(r['aggrlevel']), 1 if r['isLeaf'] in ('1', 'TRUE', 'true') else 0, unit,
                     r['text']])


def legacy_tree(cls, name, rows, specials, total_code='TOTAL'):
    entries = legacy_list(name)
    parents = {e['parent'] for e in entries}
    depth = {}
    for e in entries:
        code = e['id']
        if code in specials:
            continue
        parent = '' if e['parent'] in ('#', 'NULL') else e['parent']
        if code == total_code:
            desc, level = ('All Commodities' if cls != 'EB02' else 'Total EBOPS 2002 Services'), 0
        else:
            desc = strip_prefix(code, e['text'])
            level = len(code) if cls != 'EB02' else depth.get(parent, 0) + 1
        depth[code] = level
        rows.append([cls, code, desc, parent, level, 0 if code in parents else 1, 1, e['text']])


def classifications():
    rows = []
    hs = os.path.join(data, 'classifications', 'hs')
    for rev in range(7):
        comtrade_tree('H%d' % rev, os.path.join(hs, 'comtrade_H%d.csv' % rev), rows)
    for rev in range(1, 5):
        comtrade_tree('S%d' % rev, os.path.join(data, 'classifications', 'sitc', 'comtrade_S%d.csv' % rev), rows)
    legacy_tree('HS', 'classificationHS.json', rows, {'ALL', 'AG2', 'AG4', 'AG6'})
    legacy_tree('ST', 'classificationST.json', rows, {'ALL', 'AG1', 'AG2', 'AG3', 'AG4', 'AG5'})
    legacy_tree('BEC', 'classificationBEC.json', rows, {'ALL', 'AG1', 'AG2', 'AG3'})
    legacy_tree('EB02', 'classificationEB02.json', rows, {'ALL'}, total_code='200')
    write_csv('classifications.csv.gz', ['classification', 'code', 'description', 'parent', 'aggr_level', 'is_leaf', 'std_unit',
                                         'text'], rows, gz=True)
    select2_headers()


HS_NAMES = {'H0': 'HS 1992', 'H1': 'HS 1996', 'H2': 'HS 2002', 'H3': 'HS 2007', 'H4': 'HS 2012', 'H5': 'HS 2017',
            'H6': 'HS 2022'}
SITC_NAMES = {'S1': 'SITC Rev.1', 'S2': 'SITC Rev.2', 'S3': 'SITC Rev.3', 'S4': 'SITC Rev.4'}


def select2_headers():
    """The head of each /Data/cache classification list: its keys in upstream order and the special entries."""
    lists = {}
    for cls, name in (('HS', 'classificationHS.json'), ('ST', 'classificationST.json'),
                      ('BEC', 'classificationBEC.json'), ('EB02', 'classificationEB02.json')):
        with open(os.path.join(fixtures, name), encoding='utf-8') as f:
            d = json.load(f)
        header = [[k, v] for k, v in d.items() if k != 'results']
        specials = [e for e in d['results'] if e['parent'] == '#']
        lists[cls] = {'header': header, 'specials': specials}
    for cls, name in HS_NAMES.items():
        lists[cls] = {'header': [['more', False], ['minimumInputLength', 2], ['classCode', cls], ['className', name]],
                      'specials': [{'id': 'ALL', 'text': 'ALL - All %s commodities' % name, 'parent': '#'},
                                   {'id': 'TOTAL', 'text': 'TOTAL - Total of all %s commodities' % name, 'parent': '#'}]
                      + [{'id': 'AG%d' % n, 'text': 'AG%d - All %d-digit %s commodities' % (n, n, name), 'parent': '#'}
                         for n in (2, 4, 6)]}
    for cls, name in SITC_NAMES.items():
        lists[cls] = {'header': [['more', False], ['minimumInputLength', 1], ['classCode', cls], ['className', name]],
                      'specials': [{'id': 'ALL', 'text': 'All %s categories' % name, 'parent': '#'},
                                   {'id': 'TOTAL', 'text': 'Total of all %s commodities' % name, 'parent': '#'}]
                      + [{'id': 'AG%d' % n, 'text': 'AG%d - All %d-digit %s commodities' % (n, n, name), 'parent': '#'}
                         for n in range(1, 6)]}
    with open(os.path.join(out, 'select2_lists.json'), 'w', encoding='utf-8') as f:
        json.dump(lists, f, ensure_ascii=False, indent=1)
    print('select2_lists.json', len(lists))


# Wording of the legacy API where it differs from Comtrade+ (seen in the recorded legacy answers).
LEGACY_UNIT_NAMES = {2: 'Area in square metres', 4: 'Length in metres', 7: 'Volume in litres'}


def units():
    rows = [[1, 'No Quantity']]
    for r in read_csv(os.path.join(data, 'reference', 'comtrade_qty_units.csv')):
        code = int(r['qtyCode'])
        if code > 1:
            rows.append([code, LEGACY_UNIT_NAMES.get(code, r['qtyDescription'])])
    write_csv('quantity_units.csv', ['code', 'description'], rows)


def regimes():
    rows = [[e['id'], e['text']] for e in legacy_list('tradeRegimes.json') if e['id'] != 'all']
    write_csv('trade_regimes.csv', ['code', 'description'], sorted(rows))


def baci_countries():
    rows = read_csv(os.path.join(data, 'reference', 'baci', 'baci_country_codes_V202201.csv'))
    write_csv('baci_countries.csv', ['code', 'iso3'], [[r['country_code'], r['iso_3digit_alpha']] for r in rows])


def gravity():
    gdp = read_csv(os.path.join(data, 'calibration', 'wdi_gdp_population_2017.csv'))
    write_csv('wdi_gdp_2017.csv', list(gdp[0].keys()), [list(r.values()) for r in gdp])
    dist = read_csv(os.path.join(data, 'calibration', 'cepii_geodist_pairs.csv'))
    keep = ['country1', 'country2', 'dist', 'contig', 'comlang_off', 'colony']
    write_csv('geodist_pairs.csv.gz', keep, [[r[k] for k in keep] for r in dist], gz=True)
    hs4 = read_csv(os.path.join(data, 'samples', 'legacy', 'api_get_world_exports_2013_H0_AG4.csv'))
    write_csv('world_hs4_2013.csv', ['code', 'value', 'net_weight'],
              [[r['cmdCode'], r['TradeValue'], r['NetWeight']] for r in hs4])


os.makedirs(out, exist_ok=True)
areas(); classifications(); units(); regimes(); baci_countries(); gravity()
