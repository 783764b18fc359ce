#!/usr/bin/python3
"""Build schema/lexicon/countries.json from Debian's iso-codes data plus the
hand-kept table below.

Usage: /usr/bin/python3 scripts/gen_countries.py [ISO_JSON] [OUT_JSON]

The ISO file supplies the alpha-2/alpha-3 codes and the official names; the
table supplies what news text actually says: the short name, demonyms,
capitals, seats of power, the few codes safe to match in running prose, and
Wikidata ids.  The output is deterministic (sorted by id, one actor a line)
so that a re-run produces no diff unless the inputs changed.
"""
import json
import os
import re
import sys
import unicodedata

ISO_DEFAULT = "/usr/share/iso-codes/json/iso_3166-1.json"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DEFAULT = os.path.join(HERE, "..", "schema", "lexicon", "countries.json")

# ISO entries with nobody living there, or whose government is never an
# actor in the news; left out on purpose.
SKIP = {"AQ", "BV", "HM", "GS", "UM", "TF", "IO"}

# ISO names that would be ambiguous in prose ("Congo" is read as the DRC).
ISO_NAME_DROP = {"CG": ("Congo",)}

# One line per alpha-2 code.  Fields separated by "|":
#   alpha2 | name (empty: ISO short name) | adjectives ; ... | capitals ; ...
#   | aliases ; ... | codes ; ... | metonyms ; ... | wikidata
# The official name from ISO is added to the aliases automatically, and so is
# the ISO short name when it differs from the chosen name.
TABLE = r"""
AF||Afghan;Afghani|Kabul||||Q889
AL||Albanian|Tirana||||Q222
DZ||Algerian|Algiers||||Q262
AD||Andorran|Andorra la Vella||||Q228
AO||Angolan|Luanda||||Q916
AG||Antiguan;Barbudan|St John's;Saint John's|Antigua|||Q781
AR||Argentine;Argentinian;Argentinean|Buenos Aires|||Casa Rosada|Q414
AM||Armenian|Yerevan||||Q399
AU||Australian|Canberra||||Q408
AT||Austrian|Vienna|||Hofburg|Q40
AZ||Azerbaijani;Azeri|Baku||||Q227
BS|Bahamas|Bahamian|Nassau|The Bahamas|||Q778
BH||Bahraini|Manama||||Q398
BD||Bangladeshi|Dhaka||||Q902
BB||Barbadian;Bajan|Bridgetown||||Q244
BY||Belarusian;Belarussian;Byelorussian|Minsk|Byelorussia;Belorussia|||Q184
BE||Belgian|||||Q31
BZ||Belizean|Belmopan||||Q242
BJ||Beninese|Porto-Novo||||Q962
BT||Bhutanese|Thimphu||||Q917
BO|Bolivia|Bolivian|La Paz;Sucre||||Q750
BA|Bosnia and Herzegovina|Bosnian;Herzegovinian|Sarajevo|Bosnia-Herzegovina;Bosnia|||Q225
BW||Botswanan;Motswana|Gaborone||||Q963
BR||Brazilian|Brasilia;Brasília|||Planalto;Palacio do Planalto|Q155
BN|Brunei|Bruneian|Bandar Seri Begawan|Brunei Darussalam|||Q921
BG||Bulgarian|Sofia||||Q219
BF||Burkinabe;Burkinabè|Ouagadougou||||Q965
BI||Burundian|Gitega;Bujumbura||||Q967
CV|Cape Verde|Cape Verdean|Praia|Cabo Verde|||Q1011
KH||Cambodian|Phnom Penh||||Q424
CM||Cameroonian|Yaounde;Yaoundé||||Q1009
CA||Canadian|Ottawa|||Parliament Hill|Q16
CF||Central African|Bangui|CAR|||Q929
TD||Chadian|N'Djamena;Ndjamena||||Q657
CL||Chilean|Santiago|||La Moneda|Q298
CN||Chinese|Beijing;Peking|PRC;Mainland China|PRC|Zhongnanhai|Q148
CO||Colombian|Bogota;Bogotá|||Casa de Nariño|Q739
KM||Comorian|Moroni||||Q970
CG|Republic of the Congo||Brazzaville|Congo-Brazzaville;Congo Republic|||Q971
CD|Democratic Republic of the Congo|Congolese|Kinshasa|DR Congo;DRC;Congo-Kinshasa;Congo;Zaire|DRC||Q974
CR||Costa Rican|San Jose;San José||||Q800
CI|Ivory Coast|Ivorian|Yamoussoukro;Abidjan|Côte d'Ivoire;Cote d'Ivoire|||Q1008
HR||Croatian;Croat|Zagreb||||Q224
CU||Cuban|Havana||||Q241
CY||Cypriot|Nicosia||||Q229
CZ|Czech Republic|Czech|Prague|Czechia||Prague Castle|Q213
DK||Danish;Dane|Copenhagen|||Christiansborg|Q35
DJ||Djiboutian|Djibouti City||||Q977
DM|||Roseau||||Q784
DO||Dominican|Santo Domingo||||Q786
EC||Ecuadorian;Ecuadorean|Quito||||Q736
EG||Egyptian|Cairo||||Q79
SV||Salvadoran;Salvadorean|San Salvador||||Q792
GQ||Equatorial Guinean;Equatoguinean|Malabo||||Q983
ER||Eritrean|Asmara||||Q986
EE||Estonian|Tallinn||||Q191
SZ||Swazi;Liswati|Mbabane;Lobamba|Swaziland|||Q1050
ET||Ethiopian|Addis Ababa||||Q115
FJ||Fijian|Suva||||Q712
FI||Finnish;Finn|Helsinki||||Q33
FR||French;Frenchman;Frenchwoman|Paris|||Elysee;Élysée;Elysee Palace;Élysée Palace;the Elysee;the Élysée|Q142
GA||Gabonese|Libreville||||Q1000
GM|Gambia|Gambian|Banjul|The Gambia|||Q1005
GE||Georgian|Tbilisi||||Q230
DE||German|Berlin||||Q183
GH||Ghanaian|Accra||||Q117
GR||Greek|Athens|Hellas||Maximos Mansion|Q41
GD||Grenadian|St George's;Saint George's||||Q769
GT||Guatemalan|Guatemala City||||Q774
GN||Guinean|Conakry||||Q1006
GW||Bissau-Guinean|Bissau||||Q1007
GY||Guyanese|Georgetown||||Q734
HT||Haitian|Port-au-Prince||||Q790
HN||Honduran|Tegucigalpa||||Q783
HU||Hungarian|Budapest||||Q28
IS||Icelandic;Icelander|Reykjavik;Reykjavík||||Q189
IN||Indian|New Delhi;Delhi|Bharat||Raisina Hill|Q668
ID||Indonesian|Jakarta||||Q252
IR|Iran|Iranian|Tehran;Teheran|Persia|||Q794
IQ||Iraqi|Baghdad||||Q796
IE||Irish;Irishman;Irishwoman|Dublin|Republic of Ireland;Eire;Éire|||Q27
IL||Israeli|Jerusalem||||Q801
IT||Italian|Rome|||Palazzo Chigi|Q38
JM||Jamaican|Kingston||||Q766
JP||Japanese|Tokyo||||Q17
JO||Jordanian|Amman||||Q810
KZ||Kazakh;Kazakhstani|Astana;Nur-Sultan|Kazakstan|||Q232
KE||Kenyan|Nairobi||||Q114
KI||I-Kiribati|Tarawa;South Tarawa||||Q710
KP|North Korea|North Korean|Pyongyang|Democratic People's Republic of Korea|DPRK||Q423
KR|South Korea|South Korean|Seoul|Republic of Korea|ROK|Blue House|Q884
KW||Kuwaiti|Kuwait City||||Q817
KG||Kyrgyz;Kirghiz;Kyrgyzstani|Bishkek|Kirghizia;Kyrgyz Republic|||Q813
LA|Laos|Lao;Laotian|Vientiane||||Q819
LV||Latvian|Riga||||Q211
LB||Lebanese|Beirut||||Q822
LS||Basotho;Mosotho;Lesothan|Maseru||||Q1013
LR||Liberian|Monrovia||||Q1014
LY||Libyan|Tripoli||||Q1016
LI||Liechtensteiner|Vaduz||||Q347
LT||Lithuanian|Vilnius||||Q37
LU||Luxembourgish;Luxembourger|Luxembourg City||||Q32
MG||Malagasy|Antananarivo||||Q1019
MW||Malawian|Lilongwe||||Q1020
MY||Malaysian|Kuala Lumpur;Putrajaya||||Q833
MV||Maldivian|Malé||||Q826
ML||Malian|Bamako||||Q912
MT||Maltese|Valletta||||Q233
MH||Marshallese|Majuro||||Q709
MR||Mauritanian|Nouakchott||||Q1025
MU||Mauritian|Port Louis||||Q1027
MX||Mexican|Mexico City|||Los Pinos;Palacio Nacional|Q96
FM|Micronesia|Micronesian|Palikir|Federated States of Micronesia|||Q702
MD|Moldova|Moldovan|Chisinau;Chișinău|Moldavia|||Q217
MC||Monegasque;Monacan|||||Q235
MN||Mongolian|Ulaanbaatar;Ulan Bator||||Q711
ME||Montenegrin|Podgorica||||Q236
MA||Moroccan|Rabat||||Q1028
MZ||Mozambican|Maputo||||Q1029
MM||Burmese;Myanmarese|Naypyidaw;Nay Pyi Taw;Rangoon;Yangon|Burma|||Q836
NA||Namibian|Windhoek||||Q1030
NR||Nauruan|Yaren||||Q697
NP||Nepalese;Nepali|Kathmandu||||Q837
NL||Dutch;Dutchman;Dutchwoman|Amsterdam|Holland;The Netherlands|||Q55
NZ||New Zealander|Wellington|||The Beehive|Q664
NI||Nicaraguan|Managua||||Q811
NE||Nigerien|Niamey||||Q1032
NG||Nigerian|Abuja||||Q1033
MK||Macedonian;North Macedonian|Skopje|Macedonia;Former Yugoslav Republic of Macedonia;FYROM|FYROM||Q221
NO||Norwegian|Oslo||||Q20
OM||Omani|Muscat||||Q842
PK||Pakistani|Islamabad||||Q843
PW||Palauan|Ngerulmud||||Q695
PS|Palestine|Palestinian|Ramallah;East Jerusalem|State of Palestine;Palestinian territories;Palestinian Territories;occupied Palestinian territories|||Q219060
PA||Panamanian|Panama City||||Q804
PG||Papua New Guinean|Port Moresby|PNG|PNG||Q691
PY||Paraguayan|Asuncion;Asunción||||Q733
PE||Peruvian|Lima||||Q419
PH||Filipino;Philippine|Manila|The Philippines||Malacanang;Malacañang|Q928
PL||Polish;Pole|Warsaw||||Q36
PT||Portuguese|Lisbon||||Q45
QA||Qatari|Doha||||Q846
RO||Romanian|Bucharest|||Cotroceni|Q218
RU|Russia|Russian|Moscow|Russian Federation||Kremlin;the Kremlin|Q159
RW||Rwandan|Kigali||||Q1037
KN||Kittitian;Nevisian|Basseterre|St Kitts and Nevis;St. Kitts and Nevis|||Q763
LC||Saint Lucian;St Lucian|Castries|St Lucia;St. Lucia|||Q760
VC||Vincentian|Kingstown|St Vincent and the Grenadines;St. Vincent and the Grenadines|||Q757
WS||Samoan|Apia||||Q683
SM||Sammarinese|City of San Marino||||Q238
ST|Sao Tome and Principe|Santomean;São Toméan|São Tomé;Sao Tome|São Tomé and Príncipe|||Q1039
SA||Saudi;Saudi Arabian|Riyadh|Kingdom of Saudi Arabia|KSA||Q851
SN||Senegalese|Dakar||||Q1041
RS||Serbian;Serb|Belgrade||||Q403
SC||Seychellois|||||Q1042
SL||Sierra Leonean|Freetown||||Q1044
SG||Singaporean|||||Q334
SK||Slovak;Slovakian|Bratislava||||Q214
SI||Slovenian;Slovene|Ljubljana||||Q215
SB||Solomon Islander|Honiara||||Q685
SO||Somali;Somalian|Mogadishu||||Q1045
ZA||South African|Pretoria;Cape Town|||Union Buildings|Q258
SS||South Sudanese|Juba||||Q958
ES||Spanish;Spaniard|Madrid|||Moncloa;La Moncloa|Q29
LK||Sri Lankan|Colombo;Sri Jayawardenepura Kotte|Ceylon|||Q854
SD||Sudanese|Khartoum|The Sudan|||Q1049
SR||Surinamese|Paramaribo|Surinam|||Q730
SE||Swedish;Swede|Stockholm||||Q34
CH||Swiss|Bern;Berne|Confederation of Switzerland|||Q39
SY|Syria|Syrian|Damascus|Syrian Arab Republic|||Q858
TW|Taiwan|Taiwanese|Taipei|Republic of China|||Q865
TJ||Tajik;Tajikistani|Dushanbe||||Q863
TZ|Tanzania|Tanzanian|Dodoma;Dar es Salaam|United Republic of Tanzania|||Q924
TH||Thai|Bangkok|Siam|||Q869
TL|East Timor|East Timorese;Timorese|Dili|Timor-Leste;Timor Leste|||Q574
TG||Togolese|Lome;Lomé||||Q945
TO||Tongan|Nuku'alofa||||Q678
TT||Trinidadian;Tobagonian|Port of Spain|Trinidad|||Q754
TN||Tunisian|Tunis||||Q948
TR|Turkey|Turkish;Turk|Ankara|Türkiye;Turkiye;Republic of Turkey|||Q43
TM||Turkmen|Ashgabat||||Q874
TV||Tuvaluan|Funafuti||||Q672
UG||Ugandan|Kampala||||Q1036
UA||Ukrainian|Kyiv;Kiev|the Ukraine||Bankova|Q212
AE||Emirati;Emirian|Abu Dhabi|Emirates;the UAE|UAE||Q878
GB|United Kingdom|British;Briton;Brit|London|Britain;Great Britain;UK;U.K.;the UK;the United Kingdom|UK;GB|Downing Street;Number 10;Number Ten;No 10;No. 10;Whitehall|Q145
US|United States|American|Washington;Washington DC;Washington D.C.|United States of America;US;U.S.;USA;U.S.A.;the US;the U.S.;the United States;America|US;USA||Q30
UY||Uruguayan|Montevideo||||Q77
UZ||Uzbek;Uzbekistani|Tashkent||||Q265
VU||Ni-Vanuatu;Vanuatuan|Port Vila||||Q686
VA|Vatican City|Vatican||Holy See;the Vatican;Vatican City State|||Q237
VE|Venezuela|Venezuelan|Caracas|||Miraflores;Miraflores Palace|Q717
VN|Vietnam|Vietnamese|Hanoi|Viet Nam|||Q881
YE||Yemeni;Yemenite|Sanaa;Sana'a||||Q805
ZM||Zambian|Lusaka||||Q953
ZW||Zimbabwean|Harare||||Q954
AW||Aruban|Oranjestad||||Q21203
AI||Anguillan|||||
AX|Åland Islands|Ålander;Alander|Mariehamn|Aland Islands;Åland;Aland|||
AS||American Samoan|Pago Pago||||
BQ|Caribbean Netherlands||Kralendijk|Bonaire;Sint Eustatius;Saba|||
BL|Saint Barthélemy||Gustavia|Saint Barthelemy;St Barts;St Barths|||
BM||Bermudian|||||Q23635
CC|Cocos Islands|||Cocos (Keeling) Islands;Keeling Islands|||
CK||Cook Islander|Avarua||||
CW|Curaçao|Curaçaoan|Willemstad|Curacao|||
CX||Christmas Islander|Flying Fish Cove||||
KY||Caymanian|George Town||||Q5785
EH||Sahrawi;Sahrawian|Laayoune;El Aaiún|Sahrawi Arab Democratic Republic|||Q6250
FK|Falkland Islands|Falkland Islander;Falklander||Falklands;Malvinas;Islas Malvinas|||Q9648
FO||Faroese|Torshavn;Tórshavn|Faroes;Faeroe Islands;Faroe|||Q4628
GG||Guernseyman;Guernseywoman|St Peter Port;Saint Peter Port||||Q25230
GI||Gibraltarian|||||Q1410
GL||Greenlandic;Greenlander|Nuuk||||Q223
GP||Guadeloupean|Basse-Terre||||
GF||French Guianese|Cayenne||||
GU||Guamanian|Hagatna;Hagåtña||||Q16635
HK||Hongkonger|||||Q8646
IM|Isle of Man|Manx|||||Q9676
JE||Jerseyman;Jerseywoman|St Helier;Saint Helier||||Q785
MO|Macau|Macanese|||||Q14773
MF|Saint Martin|Saint-Martinoise|Marigot|Collectivity of Saint Martin|||
MP||Northern Mariana Islander|Saipan|Northern Marianas|||
MQ||Martinican;Martiniquais|Fort-de-France||||
MS||Montserratian|Brades||||
YT||Mahoran|Mamoudzou||||
NC||New Caledonian|Noumea;Nouméa||||Q33788
NF||Norfolk Islander|||||
NU||Niuean|Alofi||||
PN|Pitcairn Islands|Pitcairn Islander|Adamstown|Pitcairn|||
PR||Puerto Rican|San Juan||||Q1183
PF||French Polynesian;Tahitian|Papeete|Tahiti|||
RE|Réunion|Réunionese|Saint-Denis|Reunion|||Q17070
SH|Saint Helena||Jamestown|St Helena;Ascension Island;Tristan da Cunha|||
SJ|Svalbard and Jan Mayen||Longyearbyen|Svalbard|||
PM||Saint-Pierrais;Miquelonnais|Saint-Pierre|St Pierre and Miquelon|||
SX|Sint Maarten|Sint Maartener|Philipsburg||||
TC||Turks and Caicos Islander|Cockburn Town|Turks and Caicos|||
TK||Tokelauan|Nukunonu||||
VG|British Virgin Islands|British Virgin Islander|Road Town|BVI|||
VI|US Virgin Islands|US Virgin Islander|Charlotte Amalie|U.S. Virgin Islands;United States Virgin Islands|USVI||
WF||Wallisian;Futunan|Mata-Utu||||
"""

# States and former states that news text still names but ISO 3166-1 lacks.
# Fields as above, with the id in place of the alpha-2 code.
EXTRA = r"""
Kosovo|Kosovo|Kosovar;Kosovan|Pristina;Prishtina|Republic of Kosovo|||Q1246
Soviet_Union|Soviet Union|Soviet|Moscow|USSR;U.S.S.R.;Union of Soviet Socialist Republics|USSR||Q15180
Czechoslovakia|Czechoslovakia|Czechoslovak;Czechoslovakian|Prague||||Q33946
East_Germany|East Germany|East German|East Berlin|German Democratic Republic;GDR|GDR||Q16957
Yugoslavia|Yugoslavia|Yugoslav;Yugoslavian|Belgrade|Federal Republic of Yugoslavia;Socialist Federal Republic of Yugoslavia|||
Northern_Ireland|Northern Ireland|Northern Irish|||||Q26
"""

# Capitals that are claimed by more than one entry in the table would make a
# city name ambiguous; the live state wins over the historical one.
HISTORICAL = {"Soviet_Union", "Czechoslovakia", "East_Germany", "Yugoslavia"}


def split(field):
    return [x.strip() for x in field.split(";") if x.strip()]


def make_id(name):
    """Wikipedia-style id: ASCII letters/digits, spaces to underscores."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("'", "").replace("(", "").replace(")", "").replace(",", "")
    s = re.sub(r"\s+", "_", s.strip())
    s = re.sub(r"[^A-Za-z0-9_.-]", "", s)
    return s


def uniq(seq, exclude=()):
    seen = set(x.casefold() for x in exclude)
    out = []
    for x in seq:
        k = x.casefold()
        if k in seen:
            # keep distinct all-caps codes distinct from words
            continue
        seen.add(k)
        out.append(x)
    return out


def parse_rows(text, nfields=8):
    rows = []
    for line in text.strip().splitlines():
        if not line.strip():
            continue
        parts = line.split("|")
        if len(parts) != nfields:
            raise SystemExit("bad table line (%d fields): %s" % (len(parts), line))
        rows.append(parts)
    return rows


def build_entry(cid, name, iso_names, adjectives, capitals, aliases, codes, metonyms, qid):
    e = {"id": cid, "type": "Country", "name": name}
    if qid:
        e["wikidata"] = qid
    al = uniq(aliases + iso_names, exclude=[name])
    if al:
        e["aliases"] = al
    if codes:
        e["codes"] = uniq(codes)
    if adjectives:
        e["adjectives"] = uniq(adjectives)
    if capitals:
        e["capitals"] = uniq(capitals)
    if metonyms:
        e["metonyms"] = uniq(metonyms)
    return e


def main():
    iso_path = sys.argv[1] if len(sys.argv) > 1 else ISO_DEFAULT
    out_path = sys.argv[2] if len(sys.argv) > 2 else OUT_DEFAULT
    with open(iso_path, encoding="utf-8") as f:
        iso = {e["alpha_2"]: e for e in json.load(f)["3166-1"]}

    table = {}
    for parts in parse_rows(TABLE):
        a2 = parts[0].strip()
        if a2 in table:
            raise SystemExit("duplicate table row " + a2)
        if a2 not in iso:
            raise SystemExit("table row %s not in ISO data" % a2)
        table[a2] = parts

    missing = sorted(set(iso) - set(table) - SKIP)
    if missing:
        raise SystemExit("ISO entries without a table row: " + " ".join(missing))

    actors = []
    for a2, parts in table.items():
        e = iso[a2]
        _, name, adj, caps, aliases, codes, mets, qid = (p.strip() for p in parts)
        iso_short = e.get("common_name") or e["name"]
        name = name or iso_short
        iso_names = []
        for k in ("name", "common_name", "official_name"):
            v = e.get(k)
            # "Korea, Republic of" style inverted names never occur in prose
            if v in ISO_NAME_DROP.get(a2, ()):
                continue
            if v and "," not in v and "(" not in v and not v.startswith("the "):
                iso_names.append(v)
        actors.append(build_entry(make_id(name), name, iso_names, split(adj), split(caps),
                                  split(aliases), split(codes), split(mets), qid))

    for parts in parse_rows(EXTRA):
        cid, name, adj, caps, aliases, codes, mets, qid = (p.strip() for p in parts)
        actors.append(build_entry(cid, name, [], split(adj), split(caps),
                                  split(aliases), split(codes), split(mets), qid))

    # a capital names one government only
    owner = {}
    for a in actors:
        if a["id"] in HISTORICAL:
            continue
        for c in a.get("capitals", []):
            if c in owner:
                raise SystemExit("capital %s claimed by %s and %s" % (c, owner[c], a["id"]))
            owner[c] = a["id"]
    for a in actors:
        if a["id"] in HISTORICAL and "capitals" in a:
            a["capitals"] = [c for c in a["capitals"] if c not in owner]
            if not a["capitals"]:
                del a["capitals"]

    ids = [a["id"] for a in actors]
    dup = sorted(set(i for i in ids if ids.count(i) > 1))
    if dup:
        raise SystemExit("duplicate ids: " + " ".join(dup))
    actors.sort(key=lambda a: a["id"])

    with open(out_path, "w", encoding="utf-8") as f:
        f.write('{"actors": [\n')
        f.write(",\n".join(" " + json.dumps(a, ensure_ascii=False) for a in actors))
        f.write("\n]}\n")
    print("wrote %d countries to %s" % (len(actors), out_path))


if __name__ == "__main__":
    main()
