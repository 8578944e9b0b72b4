#!/usr/bin/env python3
"""Generate Vigil's bundled sample portfolio (resources/sample/sample_portfolio.json).

Deterministic: a fixed random seed, the Python 3 standard library only, no network. Run it from anywhere:

    python3 scripts/make_sample_portfolio.py            # writes resources/sample/sample_portfolio.json
    python3 scripts/make_sample_portfolio.py --check    # exits 1 if the committed file is out of date

Every company and agency name is FICTITIOUS: names are assembled from generic words, place names and common
given names so that they look plausible in each country and script (Thai, Vietnamese, Chinese, Burmese, Bengali,
Khmer, Nepali, Hindi, Urdu, Lao, Sinhala, Japanese, Indonesian/Malay). Any resemblance to a real company is a
coincidence; REAL_NAME_STOPLIST rejects the well-known names we know of. Towns, provinces and postcodes are real
places; street numbers, plots and licence numbers are invented.

Sectors and goods follow the US DOL ILAB List of Goods Produced by Child Labor or Forced Labor (2022 edition,
/work/shared/reference/ilab/goods_2021.csv): product names use the ILAB good names where one fits.
"""

import argparse
import json
import os
import random
import sys
import uuid

SEED = 20240602
OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "sample", "sample_portfolio.json")

SECTORS = ["Agriculture", "Fishing and aquaculture", "Food processing", "Textiles and garments", "Footwear",
           "Electronics", "Rubber products", "Mining", "Construction materials", "Manufacturing", "Logistics",
           "Services"]

# Fragments of real company names that a generated name must never contain (case-insensitive).
REAL_NAME_STOPLIST = ["thai union", "charoen pokphand", "top glove", "hartalega", "kossan", "supermax", "sime darby",
                      "wilmar", "felda", "foxconn", "hon hai", "pegatron", "luxshare", "viet tien", "vinatex",
                      "beximco", "ha-meem", "pou chen", "yue yuen", "mitr phol", "golden agri", "musim mas",
                      "ioi ", "genting", "asian honda", "tanjong", "shahi", "arvind", "dbl group", "square "]

rng = random.Random(SEED)


def new_uuid():
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def pick(seq):
    return seq[rng.randrange(len(seq))]


# ----------------------------------------------------------------------------------------------------------------
# Identifiers
# ----------------------------------------------------------------------------------------------------------------
_used_identifiers = {}


def unique_identifier(scheme, make):
    used = _used_identifiers.setdefault(scheme, set())
    while True:
        value = make()
        if value not in used:
            used.add(value)
            return value


def vendor_id():
    return unique_identifier("vendor_id", lambda: "V-%05d" % rng.randint(10000, 99999))


ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def os_id(country):
    # Open Supply Hub: 2-letter country + year + day of year (7 digits) + 6 alphanumerics.
    return unique_identifier("os_id", lambda: "%s%04d%03d%s" % (
        country, rng.randint(2019, 2024), rng.randint(1, 365), "".join(pick(ALNUM) for _ in range(6))))


def duns():
    return unique_identifier("duns", lambda: "%09d" % rng.randint(10000000, 999999999))


def _iso7064_mod97_value(text):
    return int("".join(str(int(c, 36)) for c in text))


def lei():
    # ISO 17442: 4-char LOU prefix, "00", 12 alphanumerics, 2 check digits (ISO 7064 MOD 97-10).
    def make():
        body = pick(["5493", "2138", "9695", "3003", "8945"]) + "00" + "".join(pick(ALNUM) for _ in range(12))
        check = 98 - _iso7064_mod97_value(body + "00") % 97
        return body + "%02d" % check

    return unique_identifier("lei", make)


def thai_tax_id():
    def make():
        digits = [rng.randint(0, 9) for _ in range(12)]
        digits[0] = 0  # juristic persons start with 0
        check = (11 - sum(d * (13 - i) for i, d in enumerate(digits)) % 11) % 10
        return "".join(map(str, digits)) + str(check)

    return make()


def tax_id(country):
    makers = {
        "TH": thai_tax_id,
        "VN": lambda: "%010d" % rng.randint(100000000, 4999999999),
        "ID": lambda: "%02d.%03d.%03d.%d-%03d.000" % (rng.randint(1, 99), rng.randint(0, 999), rng.randint(0, 999),
                                                       rng.randint(0, 9), rng.randint(0, 999)),
        "CN": lambda: "9144%04d%s" % (rng.randint(0, 9999), "".join(pick(ALNUM) for _ in range(10))),
        "GB": lambda: "GB%09d" % rng.randint(100000000, 999999999),
        "DE": lambda: "DE%09d" % rng.randint(100000000, 999999999),
        "MY": lambda: "C%010d" % rng.randint(0, 9999999999),
        "BD": lambda: "%09d-%04d" % (rng.randint(0, 999999999), rng.randint(0, 9999)),
        "IN": lambda: "%02d%s%04d%s1Z%s" % (rng.randint(1, 37), "".join(pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                                                                      for _ in range(5)),
                                           rng.randint(0, 9999), pick("ABCDEFGHJKLMNPQRSTUVWXYZ"), pick(ALNUM)),
    }
    if country not in makers:
        return None
    return unique_identifier("tax_id", makers[country])


# ----------------------------------------------------------------------------------------------------------------
# Places: real towns and postcodes, invented street numbers
# ----------------------------------------------------------------------------------------------------------------
COUNTRY_NAMES = {"TH": "Thailand", "MY": "Malaysia", "ID": "Indonesia", "BD": "Bangladesh", "KH": "Cambodia",
                 "VN": "Việt Nam", "CN": "China", "IN": "India", "NP": "Nepal", "PK": "Pakistan",
                 "PH": "Philippines", "LK": "Sri Lanka", "MM": "Myanmar", "TW": "Taiwan", "JP": "Japan",
                 "AU": "Australia", "GB": "United Kingdom", "DE": "Germany", "NL": "Netherlands", "FR": "France",
                 "IT": "Italy", "SE": "Sweden", "PL": "Poland", "US": "United States", "LA": "Lao PDR",
                 "VU": "Vanuatu", "UA": "Ukraine"}

LOCALITIES = {
    "TH": {
        "samut_sakhon": "Tambon Tha Chalom, Amphoe Mueang Samut Sakhon, Samut Sakhon 74000",
        "mahachai": "Tambon Mahachai, Amphoe Mueang Samut Sakhon, Samut Sakhon 74000",
        "songkhla": "Tambon Bo Yang, Amphoe Mueang Songkhla, Songkhla 90000",
        "pattani": "Tambon Ru Samilae, Amphoe Mueang Pattani, Pattani 94000",
        "ranong": "Tambon Pak Nam, Amphoe Mueang Ranong, Ranong 85000",
        "chanthaburi": "Tambon Laem Sing, Amphoe Laem Sing, Chanthaburi 22130",
        "mae_sot": "Tambon Mae Pa, Amphoe Mae Sot, Tak 63110",
        "ayutthaya": "Rojana Industrial Park, Tambon Khan Ham, Amphoe Uthai, Phra Nakhon Si Ayutthaya 13210",
        "pathum_thani": "Nava Nakorn Industrial Estate, Tambon Khlong Nueng, Amphoe Khlong Luang, Pathum Thani 12120",
        "chonburi": "Amata City Chonburi, Tambon Don Hua Lo, Amphoe Mueang Chon Buri, Chon Buri 20000",
        "kanchanaburi": "Tambon Tha Muang, Amphoe Tha Muang, Kanchanaburi 71110",
        "khon_kaen": "Tambon Nam Phong, Amphoe Nam Phong, Khon Kaen 40140",
        "surat_thani": "Tambon Khun Thale, Amphoe Mueang Surat Thani, Surat Thani 84100",
    },
    "MY": {
        "klang": "Kawasan Perindustrian Meru, 41050 Klang, Selangor",
        "ipoh": "Kawasan Perindustrian Kanthan, 31200 Chemor, Perak",
        "kulim": "Kulim Hi-Tech Park, 09000 Kulim, Kedah",
        "penang": "Bayan Lepas Free Industrial Zone, 11900 Bayan Lepas, Pulau Pinang",
        "senai": "Kawasan Perindustrian Senai, 81400 Senai, Johor",
        "seremban": "Kawasan Perindustrian Senawang, 70450 Seremban, Negeri Sembilan",
        "lahad_datu": "Batu 12, Jalan Tungku, 91100 Lahad Datu, Sabah",
        "sandakan": "Batu 19, Jalan Labuk, 90000 Sandakan, Sabah",
        "bintulu": "Jalan Bintulu-Miri, 97000 Bintulu, Sarawak",
        "kluang": "Jalan Mersing, 86000 Kluang, Johor",
    },
    "ID": {
        "riau": "Kecamatan Tapung, Kabupaten Kampar, Riau 28464",
        "kalteng": "Kecamatan Cempaga, Kabupaten Kotawaringin Timur, Kalimantan Tengah 74354",
        "jambi": "Kecamatan Sungai Bahar, Kabupaten Muaro Jambi, Jambi 36365",
        "dumai": "Kawasan Industri Lubuk Gaung, Kota Dumai, Riau 28826",
        "bitung": "Kelurahan Aertembaga, Kota Bitung, Sulawesi Utara 95521",
        "benoa": "Pelabuhan Benoa, Denpasar Selatan, Bali 80222",
        "tangerang": "Kecamatan Cikupa, Kabupaten Tangerang, Banten 15710",
        "semarang": "Kawasan Industri Wijayakusuma, Kota Semarang, Jawa Tengah 50186",
        "boyolali": "Kecamatan Mojosongo, Kabupaten Boyolali, Jawa Tengah 57322",
        "palembang": "Kecamatan Gandus, Kota Palembang, Sumatera Selatan 30149",
    },
    "BD": {
        "gazipur": "Konabari, Gazipur 1700",
        "ashulia": "Zirabo, Ashulia, Savar, Dhaka 1341",
        "narayanganj": "BSCIC Industrial Area, Fatullah, Narayanganj 1400",
        "cepz": "Chattogram Export Processing Zone, Chattogram 4223",
        "khulna": "Rupsha Industrial Area, Khulna 9100",
        "satkhira": "Shyamnagar, Satkhira 9450",
        "savar": "Hemayetpur, Savar, Dhaka 1340",
    },
    "KH": {
        "phnom_penh": "National Road 4, Sangkat Kantouk, Khan Por Senchey, Phnom Penh 120909",
        "kandal": "National Road 2, Takhmao, Kandal Province 081752",
        "kampong_speu": "National Road 4, Chbar Mon, Kampong Speu Province 050101",
        "bavet": "Manhattan Special Economic Zone, Bavet, Svay Rieng Province 200802",
        "kampong_chhnang": "Ponhea Lueu District, Kampong Chhnang Province 040501",
        "kampong_cham": "Chamkar Leu District, Kampong Cham Province 030101",
    },
    "VN": {
        "binh_duong": "KCN Mỹ Phước 2, Thị xã Bến Cát, Tỉnh Bình Dương",
        "dong_nai": "KCN Nhơn Trạch 3, Huyện Nhơn Trạch, Tỉnh Đồng Nai",
        "long_an": "KCN Đức Hòa 1, Huyện Đức Hòa, Tỉnh Long An",
        "bac_ninh": "KCN Yên Phong, Huyện Yên Phong, Tỉnh Bắc Ninh",
        "can_tho": "KCN Trà Nóc 2, Quận Ô Môn, Thành phố Cần Thơ",
        "an_giang": "KCN Bình Long, Huyện Châu Phú, Tỉnh An Giang",
        "dak_lak": "Xã Ea Tu, Thành phố Buôn Ma Thuột, Tỉnh Đắk Lắk",
        "lam_dong": "Xã Lộc Châu, Thành phố Bảo Lộc, Tỉnh Lâm Đồng",
        "thai_nguyen": "Xã Tân Cương, Thành phố Thái Nguyên, Tỉnh Thái Nguyên",
        "binh_phuoc": "Xã Tiến Hưng, Thành phố Đồng Xoài, Tỉnh Bình Phước",
        "hai_phong": "KCN Tràng Duệ, Huyện An Dương, Thành phố Hải Phòng",
    },
    "CN": {
        "dongguan": "Chang'an Town, Dongguan, Guangdong 523850",
        "shenzhen": "Bao'an District, Shenzhen, Guangdong 518101",
        "shaoxing": "Keqiao District, Shaoxing, Zhejiang 312030",
        "ningbo": "Yinzhou District, Ningbo, Zhejiang 315100",
        "nantong": "Haimen District, Nantong, Jiangsu 226100",
        "jinjiang": "Chendai Town, Jinjiang, Fujian 362211",
        "qingdao": "Jimo District, Qingdao, Shandong 266200",
        "zhoushan": "Putuo District, Zhoushan, Zhejiang 316100",
        "aksu": "Awati County, Aksu Prefecture, Xinjiang 843200",
        "korla": "Yuli County, Bayingolin Prefecture, Xinjiang 841500",
        "suzhou": "Wujiang District, Suzhou, Jiangsu 215200",
        "shantou": "Chenghai District, Shantou, Guangdong 515800",
        "shihezi": "Shihezi, Xinjiang 832000",
    },
    "IN": {
        "tiruppur": "Avinashi Road, Tiruppur, Tamil Nadu 641603",
        "dindigul": "Vedasandur, Dindigul District, Tamil Nadu 624710",
        "bengaluru": "Peenya Industrial Area, Bengaluru, Karnataka 560058",
        "noida": "Sector 63, Noida, Uttar Pradesh 201301",
        "rajkot": "Gondal Road, Rajkot, Gujarat 360004",
        "kadi": "Kadi, Mehsana District, Gujarat 382715",
        "dibrugarh": "Chabua, Dibrugarh District, Assam 786184",
        "jalpaiguri": "Malbazar, Jalpaiguri District, West Bengal 735221",
        "ghaziabad": "Muradnagar, Ghaziabad District, Uttar Pradesh 201206",
        "sangareddy": "Jinnaram Mandal, Sangareddy District, Telangana 502319",
        "kolhapur": "Hatkanangale, Kolhapur District, Maharashtra 416109",
        "bhadohi": "Gopiganj, Bhadohi District, Uttar Pradesh 221303",
        "karnal": "Taraori, Karnal District, Haryana 132116",
    },
    "NP": {
        "bhaktapur": "Suryabinayak Municipality, Bhaktapur 44800",
        "lalitpur": "Godawari Municipality, Lalitpur 44700",
        "kathmandu": "Jorpati, Kathmandu 44600",
        "jhapa": "Birtamod Municipality, Jhapa 57204",
    },
    "PK": {
        "kasur": "Raiwind Road, Kasur District, Punjab 55050",
        "sheikhupura": "Lahore Road, Sheikhupura, Punjab 39350",
        "faisalabad": "Sargodha Road, Faisalabad, Punjab 38000",
        "multan": "Vehari Road, Multan, Punjab 60000",
        "sialkot": "Small Industrial Estate, Sialkot, Punjab 51310",
    },
    "PH": {
        "negros": "Barangay Guimbala-on, Silay City, Negros Occidental 6116",
        "la_carlota": "Barangay Yubo, La Carlota City, Negros Occidental 6130",
        "gensan": "Tambler Fish Port Complex, General Santos City, South Cotabato 9500",
        "calamba": "Light Industry and Science Park II, Calamba, Laguna 4027",
        "mactan": "Mactan Economic Zone, Lapu-Lapu City, Cebu 6015",
        "davao": "Barangay Tibungco, Davao City, Davao del Sur 8000",
        "quezon": "Barangay Ibabang Dupay, Lucena City, Quezon 4301",
    },
    "LK": {
        "nuwara_eliya": "Kandapola, Nuwara Eliya 22200",
        "badulla": "Passara Road, Badulla 90000",
        "katunayake": "Katunayake Export Processing Zone, Katunayake 11450",
        "biyagama": "Biyagama Export Processing Zone, Biyagama 11650",
    },
    "MM": {
        "hlaing_tharyar": "Hlaing Tharyar Industrial Zone, Yangon Region",
        "shwe_pyi_thar": "Shwe Pyi Thar Industrial Zone, Yangon Region",
        "myeik": "Myeik Township, Tanintharyi Region",
        "bago": "Bago Township, Bago Region",
    },
    "TW": {
        "hsinchu": "Hsinchu Science Park, East District, Hsinchu City 300",
        "taoyuan": "Guishan Industrial Zone, Guishan District, Taoyuan City 333",
        "kaohsiung": "Cianjhen Fishing Port, Cianjhen District, Kaohsiung City 806",
        "taichung": "Taichung Industrial Park, Xitun District, Taichung City 407",
        "pingtung": "Donggang Fishing Port, Donggang Township, Pingtung County 928",
    },
    "JP": {
        "kumamoto": "Kikuyo-machi, Kikuchi-gun, Kumamoto 869-1102",
        "hamamatsu": "Chuo-ku, Hamamatsu, Shizuoka 431-3103",
        "kitaibaraki": "Isohara-cho, Kitaibaraki, Ibaraki 319-1541",
        "kure": "Tenno-cho, Kure, Hiroshima 737-0027",
        "hokota": "Hokota, Ibaraki 311-1517",
        "osaka": "Yodogawa-ku, Osaka 532-0011",
    },
    "AU": {
        "dandenong": "Dandenong South VIC 3175",
        "toowoomba": "Wilsonton QLD 4350",
        "mildura": "Irymple VIC 3498",
        "sydney": "Alexandria NSW 2015",
    },
    "GB": {
        "leicester": "Belgrave, Leicester LE4 6AB",
        "felixstowe": "Felixstowe, Suffolk IP11 3SY",
        "manchester": "Trafford Park, Manchester M17 1HH",
        "halifax": "Sowerby Bridge, Halifax HX6 2QG",
    },
    "DE": {"hamburg": "20457 Hamburg", "bielefeld": "33719 Bielefeld"},
    "NL": {"rotterdam": "3089 KN Rotterdam"},
    "FR": {"roanne": "42300 Roanne"},
    "IT": {"prato": "59100 Prato PO"},
    "SE": {"boras": "504 62 Borås"},
    "PL": {"lodz": "93-231 Łódź"},
    "US": {"tacoma": "Tacoma, WA 98421", "memphis": "Memphis, TN 38118", "chicago": "Elk Grove Village, IL 60007"},
}

MALAY_STREETS = ["Jalan Perusahaan", "Jalan Industri", "Jalan Kenanga", "Jalan Meranti", "Jalan Keruing",
                 "Jalan Sungai"]
ID_STREETS = ["Jl. Raya Industri", "Jl. Lintas Timur", "Jl. Pelabuhan", "Jl. Raya Serang", "Jl. Poros Desa"]
VN_STREETS = ["Đường số 7", "Đường D3", "Đường N2", "Đường Nguyễn Văn Linh", "Đường Lê Lợi"]
CN_STREETS = ["Xingye Road", "Industrial Avenue", "Jinhai Road", "Fuqiang Road", "Changjiang Road"]


def street_address(country, locality):
    suffix = LOCALITIES[country][locality]
    n = rng.randint(1, 199)
    if country == "TH":
        line = "%d/%d Moo %d, %s" % (n, rng.randint(1, 99), rng.randint(1, 12), suffix)
    elif country == "MY":
        line = "Lot %d, %s %d, %s" % (rng.randint(100, 9999), pick(MALAY_STREETS), rng.randint(1, 12), suffix)
    elif country == "ID":
        line = "%s No. %d, %s" % (pick(ID_STREETS), n, suffix)
    elif country == "VN":
        line = "Lô %s%d, %s, %s" % (pick("ABCDE"), rng.randint(1, 30), pick(VN_STREETS), suffix)
    elif country == "CN":
        line = "No. %d %s, %s" % (n, pick(CN_STREETS), suffix)
    elif country in ("BD", "IN", "PK", "NP", "LK"):
        line = "Plot %d, %s" % (n, suffix)
    elif country == "KH":
        line = "Phum Trapeang %s, %s" % (pick(["Thloeng", "Chhuk", "Krasang", "Veng"]), suffix)
    elif country == "MM":
        line = "No. %d, Plot %d, %s" % (n, rng.randint(1, 90), suffix)
    elif country == "PH":
        line = "Lot %d Block %d, %s" % (rng.randint(1, 40), rng.randint(1, 12), suffix)
    elif country == "TW":
        line = "No. %d, Lane %d, %s" % (n, rng.randint(1, 300), suffix)
    elif country == "JP":
        line = "%d-%d-%d %s" % (rng.randint(1, 9), rng.randint(1, 30), rng.randint(1, 20), suffix)
    elif country in ("DE", "NL", "SE", "PL", "IT", "FR"):
        street = {"DE": "Industriestraße", "NL": "Waalhaven Oostzijde", "SE": "Industrigatan",
                  "PL": "ulica Tymienieckiego", "IT": "Via del Lazzeretto", "FR": "Rue de la Filature"}[country]
        line = "%s %d, %s" % (street, n, suffix) if country != "FR" else "%d %s, %s" % (n, street, suffix)
    else:
        line = "%d %s, %s" % (n, pick(["Mill Lane", "Harbour Road", "Commerce Way", "Station Road", "Dock Street"]),
                              suffix)
    return "%s, %s" % (line, COUNTRY_NAMES[country])


# ----------------------------------------------------------------------------------------------------------------
# Names, per country and script. Each pool holds (latin, local script) pairs.
# ----------------------------------------------------------------------------------------------------------------
THAI = [("Sri Samut", "ศรีสมุทร"), ("Chokchai", "โชคชัย"), ("Ruamchai", "รวมชัย"), ("Tha Chin", "ท่าจีน"),
        ("Andaman", "อันดามัน"), ("Sombat", "สมบัติ"), ("Mongkol", "มงคล"), ("Thanakorn", "ธนากร"),
        ("Pattana", "พัฒนา"), ("Kasem", "เกษม"), ("Somboon", "สมบูรณ์"), ("Siriwat", "ศิริวัฒน์"),
        ("Rungrot", "รุ่งโรจน์"), ("Chaiyaporn", "ชัยพร"), ("Wattana", "วัฒนา"), ("Suksawat", "สุขสวัสดิ์"),
        ("Ban Laem", "บ้านแหลม"), ("Pak Nam", "ปากน้ำ"), ("Thong Thai", "ทองไทย"), ("Sinsamut", "สินสมุทร"),
        ("Chonlathan", "ชลธาร"), ("Prasert", "ประเสริฐ"), ("Pornthip", "พรทิพย์"), ("Chantra", "จันทรา")]
THAI_KIND = {  # English template, Thai template (without the company form)
    "seafood": [("{} Seafood", "{} ซีฟู้ด"), ("{} Frozen Food", "{} โฟรเซ่นฟู้ด"), ("{} Cold Storage", "ห้องเย็น{}"),
                ("{} Marine Products", "{} มารีนโปรดักส์")],
    "fishing": [("{} Fishery", "{}ประมง")],
    "shrimp": [("{} Shrimp Farm", "ฟาร์มกุ้ง{}")],
    "garment": [("{} Garment", "{} การ์เมนต์"), ("{} Textile", "{} เท็กซ์ไทล์"), ("{} Apparel", "{} แอพพาเรล")],
    "electronics": [("{} Electronics", "{} อิเล็กทรอนิกส์"), ("{} Precision", "{} พรีซิชั่น")],
    "sugar": [("{} Sugar", "น้ำตาล{}"), ("{} Cane Farm", "ไร่อ้อย{}")],
    "food": [("{} Food Products", "{} ฟู้ดโปรดักส์")],
}

VIET = [("Phúc An", "Phuc An"), ("Minh Khang", "Minh Khang"), ("Thịnh Phát", "Thinh Phat"), ("Hưng Long", "Hung Long"),
        ("Tân Thành", "Tan Thanh"), ("An Bình", "An Binh"), ("Hoàng Gia", "Hoang Gia"), ("Đại Phong", "Dai Phong"),
        ("Trường Xuân", "Truong Xuan"), ("Sông Hậu", "Song Hau"), ("Nam Tiến", "Nam Tien"),
        ("Bảo Ngọc", "Bao Ngoc"), ("Thiên Ân", "Thien An"), ("Kim Long", "Kim Long"), ("Hải Châu", "Hai Chau"),
        ("Lộc Thịnh", "Loc Thinh"), ("Ngọc Lan", "Ngoc Lan"), ("Quang Vinh", "Quang Vinh"),
        ("Tây Nguyên Xanh", "Tay Nguyen Xanh"), ("Đồng Tâm Phát", "Dong Tam Phat"), ("Mỹ Hòa", "My Hoa")]
VIET_KIND = {  # Vietnamese sector word, English sector word
    "garment": [("May mặc", "Garment"), ("Dệt may", "Textile and Garment")],
    "footwear": [("Giày da", "Footwear")],
    "electronics": [("Điện tử", "Electronics")],
    "fish": [("Chế biến Thủy sản", "Seafood Processing"), ("Thủy sản", "Seafood")],
    "coffee": [("Cà phê", "Coffee")],
    "tea": [("Chè", "Tea")],
    "furniture": [("Đồ gỗ", "Furniture")],
    "cashew": [("Chế biến Điều", "Cashew Processing")],
    "rubber": [("Cao su", "Rubber")],
}

CN_PLACES = {"dongguan": ("Dongguan", "东莞"), "shenzhen": ("Shenzhen", "深圳"), "shaoxing": ("Shaoxing", "绍兴"),
             "ningbo": ("Ningbo", "宁波"), "nantong": ("Nantong", "南通"), "jinjiang": ("Jinjiang", "晋江"),
             "qingdao": ("Qingdao", "青岛"), "zhoushan": ("Zhoushan", "舟山"), "aksu": ("Aksu", "阿克苏"),
             "korla": ("Korla", "库尔勒"), "suzhou": ("Suzhou", "苏州"), "shantou": ("Shantou", "汕头"),
             "shihezi": ("Shihezi", "石河子")}
CN_BRANDS = [("Jinhua", "锦华"), ("Hengxin", "恒信"), ("Ruifeng", "瑞丰"), ("Jiasheng", "嘉盛"), ("Yongtai", "永泰"),
             ("Huamei", "华美"), ("Xinyuan", "鑫源"), ("Boyuan", "博远"), ("Derun", "德润"), ("Anlan", "安澜"),
             ("Minghui", "明辉"), ("Tianxiang", "天翔"), ("Huitong", "汇通"), ("Changfeng", "长丰"),
             ("Haichuan", "海川"), ("Jinyu", "锦裕"), ("Baosheng", "宝盛"), ("Runtai", "润泰"), ("Kaiyue", "凯越")]
CN_KIND = {
    "garment": [("Garment", "服装"), ("Knitting", "针织")],
    "textile": [("Textile", "纺织"), ("Yarn", "纱线")],
    "cotton": [("Cotton Planting Cooperative", "棉花种植专业合作社"), ("Cotton Ginning", "棉业")],
    "electronics": [("Electronic Technology", "电子科技"), ("Electronics", "电子")],
    "footwear": [("Footwear", "鞋业")],
    "toys": [("Toys", "玩具")],
    "fish": [("Aquatic Products", "水产"), ("Ocean Fishery", "远洋渔业")],
    "gloves": [("Glove", "手套")],
    "solar": [("Photovoltaic Materials", "光伏材料")],
}

TW_BRANDS = [("Hong Yu", "宏宇"), ("Cheng Tai", "承泰"), ("Yuan Long", "遠隆"), ("Ding Hsin", "鼎新"),
             ("Kuang Ho", "光禾"), ("Chin Feng", "金豐"), ("Sheng Ta", "聖達")]
TW_KIND = {"electronics": [("Electronics", "電子"), ("Technology", "科技")], "fish": [("Fishery", "漁業")]}

BENGALI = [("Rupsha", "রূপসা"), ("Padma", "পদ্মা"), ("Karnaphuli", "কর্ণফুলী"), ("Teesta", "তিস্তা"),
           ("Surma", "সুরমা"), ("Shapla", "শাপলা"), ("Nilachal", "নীলাচল"), ("Sabuj Bangla", "সবুজ বাংলা"),
           ("Banalata", "বনলতা"), ("Dhanshiri", "ধানসিঁড়ি"), ("Madhumati", "মধুমতি"), ("Sonali Ansh", "সোনালী আঁশ"),
           ("Alokito", "আলোকিত"), ("Nakshi", "নকশী"), ("Rangdhanu", "রংধনু"), ("Shitalakshya", "শীতলক্ষ্যা"),
           ("Kapotakkho", "কপোতাক্ষ"), ("Bhairab", "ভৈরব"), ("Ichamati", "ইছামতি"), ("Dhaleshwari", "ধলেশ্বরী")]
BENGALI_KIND = {
    "garment": [("Apparels", "অ্যাপারেলস"), ("Knitwear", "নিটওয়্যার"), ("Fashions", "ফ্যাশনস"),
                ("Garments", "গার্মেন্টস")],
    "textile": [("Spinning Mills", "স্পিনিং মিলস"), ("Textile Mills", "টেক্সটাইল মিলস")],
    "shrimp": [("Sea Foods", "সী ফুডস")],
    "leather": [("Footwear", "ফুটওয়্যার"), ("Leather", "লেদার")],
    "bricks": [("Brick Field", "ব্রিক ফিল্ড")],
    "fish": [("Dry Fish", "শুঁটকি")],
}

KHMER = [("Mekong Ponleu", "មេគង្គពន្លឺ"), ("Angkor Sophea", "អង្គរសោភា"), ("Tonle Meas", "ទន្លេមាស"),
         ("Romduol", "រំដួល"), ("Phka Chhouk", "ផ្កាឈូក"), ("Sokha Mean", "សុខាមាន"), ("Chan Raksmey", "ចន្ទរស្មី"),
         ("Kampuchea Thmey", "កម្ពុជាថ្មី"), ("Sovanna", "សុវណ្ណ"), ("Reaksmey Thmey", "រស្មីថ្មី")]
KHMER_KIND = {"garment": [("Garment", "កាត់ដេរ")], "footwear": [("Footwear", "ផលិតស្បែកជើង")],
              "bricks": [("Brick Kiln", "ឡឥដ្ឋ")], "rubber": [("Rubber Plantation", "ចម្ការកៅស៊ូ")]}

BURMESE = [("Ngwe Ayar", "ငွေဧရာ"), ("Myat Thida", "မြတ်သီတာ"), ("Myanmar Shwe Pyi", "မြန်မာရွှေပြည်"),
           ("Shwe Kabar", "ရွှေကမ္ဘာ"), ("Ayeyar Hinthar", "ဧရာဟင်္သာ")]
BURMESE_KIND = {"garment": [("Garment", "အထည်ချုပ်")], "shrimp": [("Seafood", "ပင်လယ်စာ")],
                "rice": [("Rice Mill", "ဆန်စက်")]}

NEPALI = [("Langtang Ujyalo", "लाङटाङ उज्यालो"), ("Gaurishankar Jyoti", "गौरीशंकर ज्योति"),
          ("Annapurna Deep", "अन्नपूर्ण दीप"), ("Sagarmatha Srijana", "सगरमाथा सिर्जना")]
HINDI = [("Navjyoti", "नवज्योति"), ("Kisan Shakti", "किसान शक्ति"), ("Maa Vindhyavasini", "माँ विन्ध्यवासिनी"),
         ("Ujala", "उजाला"), ("Gangotri", "गंगोत्री"), ("Pragati", "प्रगति")]
URDU = [("Noor Barkat", "نور برکت"), ("Al-Rehmat", "الرحمت"), ("Sitara", "ستارہ"), ("Chenab", "چناب")]

INDONESIAN_A = ["Tunas", "Citra", "Karya", "Sinar", "Cahaya", "Bumi", "Mitra", "Putra", "Surya", "Mega"]
INDONESIAN_B = {"palm": ["Sawit", "Agro", "Hijau", "Nusa"], "mill": ["Sawit", "Agro", "Nusa"],
                "fishing": ["Bahari", "Samudra", "Mina"], "footwear": ["Alas Kaki", "Nusa", "Sepatu"],
                "garment": ["Tekstil", "Garmen", "Busana"]}
INDONESIAN_C = ["Lestari", "Sejahtera", "Makmur", "Abadi", "Sentosa", "Perkasa", "Mandiri", "Jaya", "Utama", "Indah"]
MALAY = ["Permata", "Kenanga", "Cempaka", "Seri Intan", "Mutiara", "Delima", "Teratai", "Melati", "Sinar Bistari",
         "Bukit Merah", "Sungai Emas", "Tanjung Kapur", "Kinabatangan", "Rimba Hijau"]
MY_CHINESE = [("Heng Fatt", "兴发"), ("Kwong Seng", "广盛"), ("Lian Hup", "联合"), ("Soon Huat", "顺发"),
              ("Chee Wah", "志华"), ("Tong Lee", "同利")]
FILIPINO = ["Kanlaon", "Mabuhay", "Dagat", "Banahaw", "Sarangani", "Talisay", "Malaya",
            "Bagong Araw", "Luzviminda"]
SRI_LANKA_ESTATES = [("Glenmorrow", None), ("Kandapola Valley", None), ("Uva Highlands", None),
                     ("Lanka Ridge", "ලංකා රිජ්")]

_used_names = set()


def register_name(name):
    low = name.lower()
    if name in _used_names or any(bad in low for bad in REAL_NAME_STOPLIST):
        return False
    _used_names.add(name)
    return True


def make_name(namer, country, locality):
    """Returns (main name, other names) for a supplier."""
    for _ in range(200):
        main, others = _try_name(namer, country, locality)
        if register_name(main):
            return main, others
    raise RuntimeError("name pool exhausted for %s" % namer)


def _try_name(namer, country, locality):
    kind, _, style = namer.partition(":")
    if country == "TH":
        latin, thai = pick(THAI)
        en, th = pick(THAI_KIND[kind])
        if kind == "fishing" or kind == "shrimp" or (kind == "sugar" and "Farm" in en):
            # small family firms: a limited partnership, registered (and known) by their Thai name
            return "ห้างหุ้นส่วนจำกัด " + th.format(thai), [en.format(latin) + " Ltd., Part."]
        main = en.format(latin) + " Co., Ltd."
        thai_name = "บริษัท " + th.format(thai) + " จำกัด"
        return main, ([thai_name] if rng.random() < 0.8 else [])
    if country == "VN":
        vi, latin = pick(VIET)
        vk, ek = pick(VIET_KIND[kind])
        if style == "coop":
            return "Hợp tác xã %s %s" % (vk, vi), ["%s %s Cooperative" % (latin, ek)]
        form_vi, form_en = pick([("Công ty TNHH", "Co., Ltd."), ("Công ty Cổ phần", "Joint Stock Company")])
        return "%s %s %s" % (form_vi, vk, vi), ["%s %s %s" % (latin, ek, form_en)]
    if country == "CN":
        place_en, place_cn = CN_PLACES[locality]
        brand_en, brand_cn = pick(CN_BRANDS)
        en, cn = pick(CN_KIND[kind])
        if "Cooperative" in en:
            return "%s%s%s" % (place_cn, brand_cn, cn), ["%s %s %s" % (place_en, brand_en, en)]
        main = "%s %s %s Co., Ltd." % (place_en, brand_en, en)
        return main, (["%s%s%s有限公司" % (place_cn, brand_cn, cn)] if rng.random() < 0.85 else [])
    if country == "TW":
        brand_en, brand_tw = pick(TW_BRANDS)
        en, tw = pick(TW_KIND[kind])
        return "%s %s Co., Ltd." % (brand_en, en), ["%s%s股份有限公司" % (brand_tw, tw)]
    if country == "BD":
        latin, bn = pick(BENGALI)
        en, bk = pick(BENGALI_KIND[kind])
        main = "%s %s Ltd." % (latin, en)
        bengali = "%s %s লিমিটেড" % (bn, bk)
        with_bengali = rng.random() < 0.7
        if kind in ("bricks", "fish"):
            # small local firms, registered (and known) by their Bengali name
            _used_names.add(main)
            return bengali, [main]
        return main, ([bengali] if with_bengali else [])
    if country == "KH":
        latin, km = pick(KHMER)
        en, kk = pick(KHMER_KIND[kind])
        if kind == "bricks":
            return "%s %s" % (kk, km), ["%s %s" % (latin, en)]
        return "%s %s Co., Ltd." % (latin, en), ["ក្រុមហ៊ុន %s %s ឯ.ក" % (kk, km)]
    if country == "MM":
        latin, my = pick(BURMESE)
        en, mk = pick(BURMESE_KIND[kind])
        main, burmese = "%s %s Co., Ltd." % (latin, en), "%s %s ကုမ္ပဏီလီမိတက်" % (my, mk)
        if kind in ("rice", "shrimp"):
            # local rice mills and seafood firms, registered (and known) by their Burmese name
            _used_names.add(main)
            return burmese, [main]
        return main, [burmese]
    if country == "NP":
        latin, ne = pick(NEPALI)
        if kind == "bricks":
            return "%s Brick Industry" % latin, ["%s इँटा उद्योग" % ne]
        return "%s Carpet Industries Pvt. Ltd." % latin, ["%s कार्पेट उद्योग प्रा. लि." % ne]
    if country == "IN":
        if kind == "bricks":
            latin, hi = pick(HINDI)
            return "%s Brick Kiln" % latin, ["%s ईंट भट्ठा" % hi]
        first = pick(["Sri Kaveri", "Vaigai", "Amaravathi", "Kongu", "Saraswathi", "Narmada", "Sabarmati",
                      "Brahmaputra", "Kanchan", "Vindhya", "Mahanadi", "Godavari", "Tapti", "Sahyadri"])
        second = {"garment": ["Knit Fashions", "Apparels", "Exports", "Clothing"],
                  "textile": ["Spinning Mills", "Textiles", "Yarns"],
                  "cotton": ["Cotton Ginning Factory", "Cotton Industries", "Agro Cotex"],
                  "tea": ["Tea Estate", "Tea Company"], "sugar": ["Sahakari Sakhar Karkhana", "Sugars"],
                  "rice": ["Rice Mills", "Agro Foods"], "carpet": ["Carpet Weavers", "Rugs"],
                  "embellished": ["Embroideries", "Zari Works"]}[kind]
        suffix = pick(second)
        if suffix.startswith("Tea Estate") or "Sakhar" in suffix:
            return "%s %s" % (first, suffix), []
        return "%s %s %s" % (first, suffix, pick(["Pvt. Ltd.", "Ltd.", "LLP"])), []
    if country == "PK":
        if kind == "bricks":
            latin, ur = pick(URDU)
            return "%s Brick Kiln" % latin, ["%s اینٹ بھٹہ" % ur]
        first = pick(["Chenab", "Ravi", "Indus Valley", "Lyallpur", "Crescent Moon", "Margalla", "Sutlej"])
        suffix = {"cotton": "Ginning Factory", "textile": pick(["Weaving Mills", "Textile Mills"]),
                  "surgical": "Surgical Instruments (Pvt.) Ltd."}[kind]
        return "%s %s" % (first, suffix), []
    if country == "ID":
        a, b, c = pick(INDONESIAN_A), pick(INDONESIAN_B[kind]), pick(INDONESIAN_C)
        if b == c:
            c = "Nusantara"
        return "PT %s %s %s" % (a, b, c), []
    if country == "MY":
        if kind == "electronics" and rng.random() < 0.5:
            latin, cn = pick(MY_CHINESE)
            return "%s Electronics (M) Sdn. Bhd." % latin, ["%s电子(马)有限公司" % cn]
        base = pick(MALAY)
        main = {"gloves": "%s %s Sdn. Bhd." % (base, pick(["Glove Industries", "Latex Products", "Medical Gloves"])),
                "electronics": "%s %s Sdn. Bhd." % (base, pick(["Precision Electronics", "Microsystems",
                                                                "Circuits"])),
                "palm": "Ladang %s Sdn. Bhd." % base, "mill": "%s Palm Oil Mill Sdn. Bhd." % base,
                "garment": "%s Apparel Sdn. Bhd." % base, "rubber": "%s Rubber Estate Sdn. Bhd." % base}[kind]
        return main, []
    if country == "PH":
        base = pick(FILIPINO)
        main = {"sugar": "Hacienda %s" % pick(["Santa Rosalia", "Dos Hermanas", "San Isidro", "Magdalena",
                                              "Buenavista", "La Paz"]),
                "sugar_mill": "%s Sugar Milling Corporation" % base,
                "fish": "%s Bay Tuna Ventures Inc." % base, "electronics": "%s Microcircuits Inc." % base,
                "bananas": "%s Banana Growers Inc." % base, "coconut": "%s Coco Products Inc." % base}[kind]
        return main, []
    if country == "LK":
        latin, si = pick(SRI_LANKA_ESTATES)
        if kind == "tea":
            main = "%s Plantations (Pvt) Ltd" % latin
            return main, (["%s වැවිලි (පුද්ගලික) සමාගම" % si] if si else [])
        main = "%s Apparel (Pvt) Ltd" % pick(["Lanka Seamline", "Kelani Stitch", "Negombo Knit", "Ratna Weave"])
        return main, []
    raise RuntimeError("no namer for %s/%s" % (country, namer))


# Low-risk suppliers: fixed, fictitious names.
FIXED_SUPPLIERS = [
    # country, locality, name, other names, sector, products, workers, migrant share, female share, tags
    ("GB", "halifax", "Calder Valley Packaging Ltd", [], "Manufacturing", ["Corrugated Packaging"], 140, 0.08, 0.35,
     ["packaging"]),
    ("GB", "felixstowe", "Eastgate Freight Solutions Ltd", [], "Logistics", ["Freight Forwarding"], 85, 0.12, 0.3,
     ["logistics"]),
    ("GB", "manchester", "Harbourne Facilities Services Ltd", [], "Services", ["Cleaning Services"], 420, 0.45,
     0.55, ["services", "outsourced-labour"]),
    ("GB", "leicester", "Belgrave Road Garments Ltd", [], "Textiles and garments", ["Garments"], 60, 0.6, 0.7,
     ["garments", "audit-due"]),
    ("DE", "hamburg", "Nordhafen Logistik GmbH", [], "Logistics", ["Warehousing"], 210, 0.15, 0.25, ["logistics"]),
    ("DE", "bielefeld", "Brenner Verpackungstechnik GmbH", [], "Manufacturing", ["Packaging Machinery"], 180, 0.1,
     0.2, ["packaging"]),
    ("NL", "rotterdam", "Van Rijswijk Koelhuis B.V.", ["Van Rijswijk Cold Storage"], "Logistics", ["Cold Storage"],
     95, 0.3, 0.2, ["logistics", "seafood"]),
    ("FR", "roanne", "Atelier Marcelot SAS", [], "Textiles and garments", ["Knitwear"], 48, 0.05, 0.75,
     ["garments"]),
    ("IT", "prato", "Tessitura Val Bisenzio S.r.l.", [], "Textiles and garments", ["Textiles"], 70, 0.4, 0.5,
     ["textiles", "audit-due"]),
    ("SE", "boras", "Lindqvist Förpackning AB", ["Lindqvist Packaging"], "Manufacturing", ["Labels and Tags"], 35,
     0.05, 0.45, ["packaging"]),
    ("PL", "lodz", "Zakłady Odzieżowe Warta Sp. z o.o.", ["Warta Clothing Works"], "Textiles and garments",
     ["Garments"], 260, 0.3, 0.8, ["garments"]),
    ("US", "tacoma", "Bayline Freight Services Inc.", [], "Logistics", ["Freight Forwarding"], 130, None, None,
     ["logistics"]),
    ("US", "memphis", "Cedar Ridge Packaging LLC", [], "Manufacturing", ["Corrugated Packaging"], 310, 0.1, 0.3,
     ["packaging"]),
    ("US", "chicago", "Pinecrest Office Solutions Inc.", [], "Services", ["Office Supplies"], 55, None, None,
     ["services"]),
    ("AU", "sydney", "Harbourview Cleaning Services Pty Ltd", [], "Services", ["Cleaning Services"], 380, 0.5, 0.5,
     ["services", "outsourced-labour"]),
    ("AU", "dandenong", "Southern Cross Cold Chain Pty Ltd", [], "Logistics", ["Cold Storage"], 150, 0.2, 0.25,
     ["logistics"]),
    ("JP", "osaka", "みなと施設サービス株式会社", ["Minato Facility Services Co., Ltd."], "Services",
     ["Cleaning Services"], 240, 0.05, 0.6, ["services"]),
    ("JP", "kure", "瀬戸内マリンフーズ株式会社", ["Setouchi Marine Foods Co., Ltd."], "Food processing",
     ["Fish"], 120, 0.3, 0.7, ["seafood", "technical-intern-trainees"]),
]

# ----------------------------------------------------------------------------------------------------------------
# Recruiters
# ----------------------------------------------------------------------------------------------------------------
# key, name, country, licence number, status, address, destination countries served
RECRUITERS = [
    ("mm1", "ရွှေရတနာ ပြည်ပအလုပ်အကိုင်ရှာဖွေရေး အေဂျင်စီ", "MM", "OEA-0412", "licensed",
     "No. 27, Thiri Mingalar Street, Hlaing Township, Yangon, Myanmar", ["TH", "MY"]),
    ("mm2", "Sein Kyal Overseas Employment Agency Co., Ltd.", "MM", "OEA-0188", "licensed",
     "No. 5, Strand Road, Mawlamyine, Mon State, Myanmar", ["TH"]),
    ("mm3", "Myawaddy Border Job Services", "MM", "", "unlicensed",
     "Ward 3, Myawaddy, Kayin State, Myanmar", ["TH"]),
    ("mm4", "Kawthaung Fishing Crew Brokers", "MM", "", "unlicensed",
     "Jetty Road, Kawthaung, Tanintharyi Region, Myanmar", ["TH"]),
    ("mm5", "အောင်မင်္ဂလာ ပြည်ပအလုပ်အကိုင်ရှာဖွေရေး ကုမ္ပဏီလီမိတက်", "MM", "OEA-0733", "unknown",
     "No. 112, Bogyoke Road, Pabedan Township, Yangon, Myanmar", ["MY", "TH"]),
    ("kh1", "Preah Khan Manpower Co., Ltd.", "KH", "MLVT-PRA-0231", "licensed",
     "Street 271, Sangkat Toul Tumpung, Khan Chamkarmon, Phnom Penh, Cambodia", ["TH", "MY"]),
    ("kh2", "ក្រុមហ៊ុន បាយ័ន ម៉ែនផៅវើ ឯ.ក", "KH", "", "unknown",
     "Poipet, Banteay Meanchey Province, Cambodia", ["TH"]),
    ("la1", "ບໍລິສັດ ຈັດຫາງານ ຈຳປາລາວ ຈຳກັດ", "LA", "LSW-0094", "licensed",
     "Ban Phonxay, Saysettha District, Vientiane, Lao PDR", ["TH"]),
    ("th1", "บริษัท จัดหางาน มหาชัย แรงงานสัมพันธ์ จำกัด", "TH", "น.123/2562", "licensed",
     "45/8 Moo 2, Tambon Tha Chalom, Amphoe Mueang Samut Sakhon, Samut Sakhon 74000, Thailand", ["TH"]),
    ("np1", "मकालु हिमाल ओभरसिज प्रा. लि.", "NP", "1287/072/073", "licensed",
     "Basundhara, Kathmandu 44600, Nepal", ["MY"]),
    ("np2", "Nilgiri Shikhar Manpower Service Pvt. Ltd.", "NP", "0945/069/070", "licensed",
     "Maharajgunj, Kathmandu 44600, Nepal", ["MY"]),
    ("np3", "Pathibhara Human Resource Pvt. Ltd.", "NP", "1502/075/076", "unknown",
     "Old Baneshwor, Kathmandu 44600, Nepal", ["MY"]),
    ("bd1", "নবদিগন্ত ওভারসিজ লিমিটেড", "BD", "RL-1348", "licensed",
     "House 12, Road 7, Banani, Dhaka 1213, Bangladesh", ["MY"]),
    ("bd2", "Meghdoot Overseas Ltd.", "BD", "RL-0871", "licensed",
     "Naya Paltan, Dhaka 1000, Bangladesh", ["MY"]),
    ("bd3", "Motijheel Travels & Manpower", "BD", "", "unlicensed",
     "Kakrail, Dhaka 1000, Bangladesh", ["MY"]),
    ("id1", "PT Mitra Tenaga Mandiri", "ID", "P3MI 562/2020", "licensed",
     "Jl. Raya Bogor No. 88, Jakarta Timur 13750, Indonesia", ["MY", "TW"]),
    ("id2", "PT Sinar Bahari Tenaga Kerja", "ID", "", "unknown",
     "Jl. Pelabuhan No. 14, Tegal, Jawa Tengah 52111, Indonesia", ["TW"]),
    ("id3", "Nunukan crossing agents (informal)", "ID", "", "unlicensed",
     "Nunukan, Kalimantan Utara 77482, Indonesia", ["MY"]),
    ("ph1", "Bituin Manpower Services Inc.", "PH", "DMW-112-LB-070321-R", "licensed",
     "Ermita, Manila 1000, Philippines", ["TW"]),
    ("ph2", "Sampaguita Seafarers Agency Inc.", "PH", "DMW-245-SB-110420-R", "licensed",
     "Intramuros, Manila 1002, Philippines", ["TW"]),
    ("vn1", "Công ty Cổ phần Cung ứng Nhân lực Quốc tế Hải Đăng", "VN", "412/LĐTBXH-GP", "licensed",
     "Số 18 Phố Trần Duy Hưng, Quận Cầu Giấy, Hà Nội, Việt Nam", ["JP", "TW"]),
    ("vn2", "Công ty TNHH Xuất khẩu Lao động Phương Nam", "VN", "097/LĐTBXH-GP", "licensed",
     "Số 42 Đường Lê Hồng Phong, Thành phố Vinh, Nghệ An, Việt Nam", ["JP"]),
    ("jp1", "みなと国際協同組合", "JP", "許1704000218", "licensed",
     "2-4-1 Nishinakajima, Yodogawa-ku, Osaka 532-0011, Japan", ["JP"]),
    ("my1", "Kapar Jaya Workforce Solutions Sdn. Bhd.", "MY", "JTK-PP/0562", "unknown",
     "Jalan Kapar, 42200 Klang, Selangor, Malaysia", ["MY"]),
    ("in1", "Shakti Labour Suppliers (jamadar network)", "IN", "", "unlicensed",
     "Mahasamund, Chhattisgarh 493445, India", ["IN"]),
    ("vu1", "Efate Workforce Services", "VU", "LSU-0042", "licensed",
     "Lini Highway, Port Vila, Vanuatu", ["AU"]),
    ("ua1", "Karpaty Personnel LLC", "UA", "AL-2019-0377", "licensed", "vul. Horodotska 120, Lviv 79000, Ukraine",
     ["PL"]),
]


# ----------------------------------------------------------------------------------------------------------------
# Supplier profiles
# ----------------------------------------------------------------------------------------------------------------
def P(country, count, namer, localities, sector, products, tiers, workers, migrants, female, sites, corridors=(),
      tags=(), currency="USD", os_share=0.0):
    """One family of suppliers: `workers` is (low, high); `migrants` and `female` are share ranges (or None);
    `sites` lists the extra site types beyond the main one; `corridors` lists (recruiter keys, origin country)."""
    return dict(country=country, count=count, namer=namer, localities=localities, sector=sector, products=products,
                tiers=tiers, workers=workers, migrants=migrants, female=female, sites=sites, corridors=corridors,
                tags=tags, currency=currency, os_share=os_share)


MM_TH = (["mm1", "mm2", "mm3", "mm5", "th1"], "MM")
MM_TH_SEA = (["mm2", "mm4", "mm3"], "MM")
KH_TH = (["kh1", "kh2"], "KH")
LA_TH = (["la1"], "LA")
NP_MY = (["np1", "np2", "np3", "my1"], "NP")
BD_MY = (["bd1", "bd2", "bd3", "my1"], "BD")
MM_MY = (["mm1", "mm5"], "MM")
ID_MY = (["id1", "id3"], "ID")
PH_TW = (["ph1"], "PH")
PH_TW_SEA = (["ph2"], "PH")
ID_TW_SEA = (["id2", "id1"], "ID")
VN_TW = (["vn1"], "VN")
VN_JP = (["vn1", "vn2", "jp1"], "VN")
IN_IN = (["in1"], "IN")

PROFILES = [
    # Thailand
    P("TH", 8, "seafood", ["samut_sakhon", "mahachai", "songkhla", "pattani", "surat_thani"], "Food processing",
      [["Shrimp"], ["Fish"], ["Fish", "Shrimp"], ["Fish", "Canned Tuna"]], [1, 1, 2], (300, 3500), (0.55, 0.92),
      (0.55, 0.72), ["dormitory", "warehouse", "dormitory"], [MM_TH, KH_TH, LA_TH], ["seafood"], "THB"),
    P("TH", 7, "fishing", ["mahachai", "songkhla", "pattani", "ranong", "chanthaburi"], "Fishing and aquaculture",
      [["Fish"]], [2, 3, 3], (30, 260), (0.75, 0.97), (0.0, 0.04), ["vessel", "vessel", "vessel"],
      [MM_TH_SEA, KH_TH], ["seafood", "fishing"], "THB"),
    P("TH", 3, "shrimp", ["chanthaburi", "surat_thani", "songkhla"], "Fishing and aquaculture", [["Shrimp"]], [3],
      (15, 120), (0.35, 0.75), (0.2, 0.4), ["dormitory"], [MM_TH, KH_TH], ["seafood", "aquaculture"], "THB"),
    P("TH", 4, "garment", ["mae_sot"], "Textiles and garments", [["Garments"]], [1, 2], (200, 1200), (0.85, 0.98),
      (0.7, 0.85), ["dormitory"], [MM_TH], ["garments"], "USD", 0.7),
    P("TH", 4, "electronics", ["ayutthaya", "pathum_thani", "chonburi"], "Electronics", [["Electronics"]], [1, 2],
      (800, 6000), (0.1, 0.35), (0.55, 0.7), ["warehouse", "dormitory"], [MM_TH, LA_TH], ["electronics"], "USD",
      0.3),
    P("TH", 3, "sugar", ["kanchanaburi", "khon_kaen"], "Agriculture", [["Sugarcane"]], [3], (40, 400), (0.3, 0.7),
      (0.3, 0.45), ["farm", "dormitory"], [KH_TH, MM_TH], ["sugar", "raw-material"], "THB"),
    P("TH", 1, "food", ["pathum_thani", "chonburi"], "Food processing", [["Poultry"], ["Rice"]], [1, 2], (500, 2500),
      (0.2, 0.5), (0.5, 0.65), ["warehouse"], [LA_TH, KH_TH], ["food"], "THB"),
    # Malaysia
    P("MY", 7, "gloves", ["klang", "ipoh", "kulim", "seremban"], "Rubber products", [["Rubber Gloves"]], [1, 1, 2],
      (1500, 9000), (0.5, 0.8), (0.3, 0.45), ["dormitory", "dormitory", "warehouse"], [NP_MY, BD_MY, MM_MY],
      ["gloves", "medical"], "USD", 0.3),
    P("MY", 6, "electronics", ["penang", "kulim", "senai"], "Electronics", [["Electronics"]], [1, 1, 2],
      (900, 8000), (0.3, 0.6), (0.45, 0.65), ["dormitory", "dormitory", "warehouse"], [NP_MY, BD_MY, MM_MY],
      ["electronics"], "USD", 0.4),
    P("MY", 5, "palm", ["lahad_datu", "sandakan", "bintulu", "kluang"], "Agriculture", [["Palm Fruit"]], [3],
      (300, 2500), (0.7, 0.9), (0.15, 0.3), ["farm", "dormitory"], [ID_MY, BD_MY], ["palm-oil", "raw-material"]),
    P("MY", 3, "mill", ["lahad_datu", "sandakan", "bintulu"], "Food processing", [["Crude Palm Oil"]], [2],
      (80, 250), (0.5, 0.8), (0.05, 0.15), ["warehouse"], [ID_MY], ["palm-oil"]),
    P("MY", 1, "garment", ["kluang", "penang"], "Textiles and garments", [["Garments"]], [1], (300, 900),
      (0.4, 0.7), (0.6, 0.8), ["dormitory"], [BD_MY, MM_MY], ["garments"], "USD", 0.5),
    P("MY", 1, "rubber", ["kluang"], "Agriculture", [["Rubber"]], [3], (60, 200), (0.6, 0.85), (0.3, 0.4),
      ["farm"], [ID_MY], ["rubber", "raw-material"]),
    # Indonesia
    P("ID", 5, "palm", ["riau", "kalteng", "jambi"], "Agriculture", [["Palm Fruit"]], [3], (500, 5000), (0.0, 0.02),
      (0.2, 0.4), ["farm", "dormitory"], [], ["palm-oil", "raw-material"]),
    P("ID", 3, "mill", ["dumai", "riau", "palembang"], "Food processing", [["Crude Palm Oil"], ["Refined Palm Oil"],
                                                                          ["Crude Palm Kernel Oil"]],
      [2], (120, 900), (0.0, 0.03), (0.05, 0.2), ["warehouse", "port"], [], ["palm-oil"]),
    P("ID", 3, "fishing", ["bitung", "benoa"], "Fishing and aquaculture", [["Fish"], ["Fish", "Tuna Loins"]], [2, 3],
      (40, 400), (0.0, 0.1), (0.0, 0.3), ["vessel", "vessel", "warehouse"], [], ["seafood", "fishing"]),
    P("ID", 3, "footwear", ["tangerang", "semarang"], "Footwear", [["Footwear"]], [1], (3000, 15000), (0.0, 0.01),
      (0.75, 0.88), ["warehouse"], [], ["footwear"], "USD", 0.8),
    P("ID", 2, "garment", ["semarang", "boyolali"], "Textiles and garments", [["Garments"]], [1], (1200, 7000),
      (0.0, 0.01), (0.8, 0.9), [], [], ["garments"], "USD", 0.8),
    # Bangladesh
    P("BD", 9, "garment", ["gazipur", "ashulia", "narayanganj", "cepz", "savar"], "Textiles and garments",
      [["Garments"], ["Garments", "Knitwear"]], [1], (800, 12000), (0.0, 0.0), (0.55, 0.8), ["factory", "warehouse"],
      [], ["garments"], "USD", 0.9),
    P("BD", 2, "textile", ["gazipur", "narayanganj"], "Textiles and garments", [["Textiles"], ["Thread/Yarn"]], [2],
      (600, 3000), (0.0, 0.0), (0.3, 0.5), [], [], ["textiles"], "USD", 0.6),
    P("BD", 2, "shrimp", ["khulna"], "Food processing", [["Shrimp"]], [2], (300, 900), (0.0, 0.0), (0.6, 0.75),
      ["warehouse"], [], ["seafood"]),
    P("BD", 1, "fish", ["satkhira"], "Food processing", [["Dried Fish"]], [3], (30, 120), (0.0, 0.0),
      (0.4, 0.6), [], [], ["seafood", "raw-material"]),
    P("BD", 2, "leather", ["savar", "cepz"], "Footwear", [["Footwear"], ["Leather"]], [1, 2], (1000, 5000),
      (0.0, 0.0), (0.4, 0.6), [], [], ["footwear", "leather"], "USD", 0.5),
    P("BD", 1, "bricks", ["savar"], "Construction materials", [["Bricks"]], [3], (80, 250), (0.0, 0.0), (0.2, 0.35),
      [], [], ["bricks", "raw-material"]),
    # Cambodia
    P("KH", 5, "garment", ["phnom_penh", "kandal", "kampong_speu", "bavet"], "Textiles and garments", [["Garments"]],
      [1], (700, 4000), (0.0, 0.02), (0.8, 0.9), ["warehouse"], [], ["garments"], "USD", 0.9),
    P("KH", 2, "footwear", ["kampong_speu", "bavet"], "Footwear", [["Footwear"]], [1], (1500, 5000), (0.0, 0.02),
      (0.8, 0.9), [], [], ["footwear"], "USD", 0.8),
    P("KH", 1, "bricks", ["kampong_chhnang"], "Construction materials", [["Bricks"]], [3], (25, 80), (0.0, 0.0),
      (0.35, 0.5), [], [], ["bricks", "raw-material"]),
    P("KH", 1, "rubber", ["kampong_cham"], "Agriculture", [["Rubber"]], [3], (150, 600), (0.0, 0.0), (0.3, 0.45),
      ["farm"], [], ["rubber", "raw-material"]),
    # Vietnam
    P("VN", 3, "garment", ["binh_duong", "dong_nai", "long_an", "hai_phong"], "Textiles and garments",
      [["Garments"]], [1], (800, 6000), (0.0, 0.01), (0.75, 0.88), ["warehouse"], [], ["garments"], "USD", 0.8),
    P("VN", 3, "footwear", ["binh_duong", "dong_nai"], "Footwear", [["Footwear"]], [1], (4000, 18000), (0.0, 0.01),
      (0.75, 0.85), ["warehouse"], [], ["footwear"], "USD", 0.7),
    P("VN", 2, "electronics", ["bac_ninh"], "Electronics", [["Electronics"]], [1, 2], (2000, 12000), (0.0, 0.01),
      (0.7, 0.85), ["dormitory"], [], ["electronics"], "USD", 0.3),
    P("VN", 3, "fish", ["can_tho", "an_giang"], "Food processing", [["Fish"]], [2], (500, 2500), (0.0, 0.0),
      (0.6, 0.75), ["farm"], [], ["seafood"]),
    P("VN", 3, "coffee:coop", ["dak_lak", "lam_dong"], "Agriculture", [["Coffee"]], [3], (40, 300), (0.0, 0.0),
      (0.4, 0.55), ["farm"], [], ["coffee", "raw-material"]),
    P("VN", 1, "coffee", ["dak_lak"], "Food processing", [["Coffee"]], [2], (150, 400), (0.0, 0.0), (0.4, 0.55),
      ["warehouse"], [], ["coffee"]),
    P("VN", 1, "tea", ["thai_nguyen", "lam_dong"], "Agriculture", [["Tea"]], [3], (60, 250), (0.0, 0.0), (0.6, 0.75),
      ["farm"], [], ["tea", "raw-material"]),
    P("VN", 1, "furniture", ["binh_duong"], "Manufacturing", [["Furniture"]], [1], (600, 2000), (0.0, 0.0),
      (0.3, 0.45), [], [], ["furniture"]),
    P("VN", 1, "cashew", ["binh_phuoc"], "Food processing", [["Cashews"]], [2], (200, 700), (0.0, 0.0), (0.6, 0.8),
      [], [], ["cashews"]),
    # China
    P("CN", 3, "garment", ["dongguan", "ningbo", "suzhou"], "Textiles and garments", [["Garments"]], [1],
      (300, 2500), (0.0, 0.0), (0.6, 0.8), ["dormitory"], [], ["garments"], "USD", 0.7),
    P("CN", 2, "textile", ["shaoxing", "nantong"], "Textiles and garments", [["Textiles"], ["Thread/Yarn"]], [2],
      (200, 1500), (0.0, 0.0), (0.4, 0.6), [], [], ["textiles"], "USD", 0.4),
    P("CN", 3, "cotton", ["aksu", "korla", "shihezi"], "Agriculture", [["Cotton"]], [3], (50, 800), (0.0, 0.0),
      (0.3, 0.5), ["farm", "warehouse"], [], ["cotton", "raw-material", "xinjiang"]),
    P("CN", 4, "electronics", ["shenzhen", "dongguan", "suzhou"], "Electronics", [["Electronics"]], [1, 1, 2],
      (800, 9000), (0.0, 0.0), (0.45, 0.65), ["dormitory", "warehouse"], [], ["electronics"], "USD", 0.4),
    P("CN", 2, "footwear", ["jinjiang"], "Footwear", [["Footwear"]], [1], (800, 4000), (0.0, 0.0), (0.55, 0.7),
      ["dormitory"], [], ["footwear"], "USD", 0.5),
    P("CN", 1, "toys", ["shantou"], "Manufacturing", [["Toys"]], [1], (300, 1200), (0.0, 0.0), (0.6, 0.75),
      ["dormitory"], [], ["toys"]),
    P("CN", 1, "solar", ["shihezi"], "Manufacturing", [["Polysilicon"]], [3], (1500, 4000), (0.0, 0.0), (0.15, 0.3),
      [], [], ["solar", "raw-material", "xinjiang"]),
    P("CN", 2, "fish", ["qingdao", "zhoushan"], "Food processing", [["Fish"]], [2], (300, 1500), (0.0, 0.0),
      (0.6, 0.75), ["vessel", "warehouse"], [], ["seafood"]),
    P("CN", 1, "gloves", ["nantong"], "Manufacturing", [["Gloves"]], [2], (200, 800), (0.0, 0.0), (0.55, 0.7), [],
      [], ["gloves"]),
    # India
    P("IN", 3, "garment", ["tiruppur", "bengaluru", "noida"], "Textiles and garments", [["Garments"]], [1],
      (500, 4000), (0.0, 0.0), (0.55, 0.8), ["dormitory"], [], ["garments"], "USD", 0.7),
    P("IN", 2, "textile", ["dindigul", "tiruppur"], "Textiles and garments", [["Thread/Yarn"]], [2], (300, 1500),
      (0.0, 0.0), (0.6, 0.8), ["dormitory"], [], ["textiles", "spinning-mill"]),
    P("IN", 3, "cotton", ["rajkot", "kadi"], "Agriculture", [["Cotton"], ["Cottonseed (hybrid)"]], [3], (30, 250),
      (0.0, 0.0), (0.35, 0.6), ["farm", "warehouse"], [], ["cotton", "raw-material"]),
    P("IN", 2, "tea", ["dibrugarh", "jalpaiguri"], "Agriculture", [["Tea"]], [3], (700, 2500), (0.0, 0.0),
      (0.5, 0.6), ["farm", "dormitory"], [], ["tea", "raw-material"]),
    P("IN", 3, "bricks", ["ghaziabad", "sangareddy"], "Construction materials", [["Bricks"]], [3], (60, 300),
      (0.6, 0.95), (0.3, 0.45), ["dormitory"], [IN_IN], ["bricks", "raw-material"]),
    P("IN", 1, "sugar", ["kolhapur"], "Food processing", [["Sugarcane"]], [2], (400, 1200), (0.4, 0.7), (0.15, 0.3),
      ["farm"], [IN_IN], ["sugar"]),
    P("IN", 1, "rice", ["karnal"], "Food processing", [["Rice"]], [2], (100, 400), (0.0, 0.0), (0.2, 0.35), [], [],
      ["rice"]),
    P("IN", 1, "carpet", ["bhadohi"], "Textiles and garments", [["Carpets"]], [1], (80, 400), (0.0, 0.0), (0.3, 0.5),
      [], [], ["carpets"]),
    P("IN", 1, "embellished", ["noida"], "Textiles and garments", [["Embellished Textiles"]], [2], (40, 200),
      (0.0, 0.0), (0.4, 0.7), [], [], ["textiles", "homeworkers"]),
    # Nepal, Pakistan
    P("NP", 2, "bricks", ["bhaktapur", "lalitpur"], "Construction materials", [["Bricks"]], [3], (60, 250),
      (0.0, 0.25), (0.3, 0.45), ["dormitory"], [], ["bricks", "raw-material"], "USD"),
    P("NP", 1, "carpet", ["kathmandu"], "Textiles and garments", [["Carpets"]], [1], (50, 250), (0.0, 0.0),
      (0.5, 0.7), [], [], ["carpets"]),
    P("PK", 2, "bricks", ["kasur", "sheikhupura"], "Construction materials", [["Bricks"]], [3], (40, 200),
      (0.0, 0.0), (0.3, 0.45), [], [], ["bricks", "raw-material"]),
    P("PK", 1, "cotton", ["multan"], "Agriculture", [["Cotton"]], [3], (60, 300), (0.0, 0.0), (0.3, 0.6),
      ["warehouse"], [], ["cotton", "raw-material"]),
    P("PK", 2, "textile", ["faisalabad"], "Textiles and garments", [["Textiles"]], [2], (500, 2500), (0.0, 0.0),
      (0.1, 0.25), [], [], ["textiles"], "USD", 0.5),
    P("PK", 1, "surgical", ["sialkot"], "Manufacturing", [["Surgical Instruments"]], [1], (100, 500), (0.0, 0.0),
      (0.05, 0.15), [], [], ["medical"]),
    # Philippines
    P("PH", 2, "sugar", ["negros", "la_carlota"], "Agriculture", [["Sugarcane"]], [3], (80, 600), (0.0, 0.0),
      (0.1, 0.25), ["farm", "dormitory"], [], ["sugar", "raw-material"]),
    P("PH", 1, "sugar_mill", ["la_carlota"], "Food processing", [["Sugarcane"]], [2], (300, 900), (0.0, 0.0),
      (0.1, 0.2), [], [], ["sugar"]),
    P("PH", 2, "fish", ["gensan"], "Fishing and aquaculture", [["Fish"]], [2, 3], (80, 600), (0.0, 0.05),
      (0.1, 0.3), ["vessel", "vessel"], [], ["seafood", "fishing"]),
    P("PH", 2, "electronics", ["calamba", "mactan"], "Electronics", [["Electronics"]], [1], (1000, 5000), (0.0, 0.01),
      (0.6, 0.75), [], [], ["electronics"], "USD", 0.4),
    P("PH", 1, "bananas", ["davao"], "Agriculture", [["Bananas"]], [3], (200, 900), (0.0, 0.0), (0.2, 0.35),
      ["farm"], [], ["bananas", "raw-material"]),
    P("PH", 1, "coconut", ["quezon"], "Food processing", [["Coconuts"]], [2], (150, 500), (0.0, 0.0), (0.3, 0.5),
      [], [], ["coconut"]),
    # Sri Lanka, Myanmar, Taiwan, Japan, Australia
    P("LK", 3, "tea", ["nuwara_eliya", "badulla"], "Agriculture", [["Tea"]], [3], (400, 1800), (0.0, 0.0),
      (0.55, 0.7), ["farm", "dormitory"], [], ["tea", "raw-material"]),
    P("LK", 2, "garment", ["katunayake", "biyagama"], "Textiles and garments", [["Garments"]], [1], (800, 3000),
      (0.0, 0.0), (0.75, 0.85), ["dormitory"], [], ["garments"], "USD", 0.8),
    P("MM", 3, "garment", ["hlaing_tharyar", "shwe_pyi_thar"], "Textiles and garments", [["Garments"]], [1],
      (500, 2500), (0.0, 0.0), (0.85, 0.93), [], [], ["garments", "cmp"], "USD", 0.6),
    P("MM", 1, "shrimp", ["myeik"], "Food processing", [["Shrimp"]], [2], (150, 600), (0.0, 0.0), (0.6, 0.75), [],
      [], ["seafood"]),
    P("MM", 1, "rice", ["bago"], "Food processing", [["Rice"]], [3], (30, 120), (0.0, 0.0), (0.3, 0.45), [], [],
      ["rice", "raw-material"]),
    P("TW", 3, "electronics", ["hsinchu", "taoyuan", "taichung"], "Electronics", [["Electronics"]], [1, 2],
      (1200, 8000), (0.15, 0.4), (0.45, 0.6), ["dormitory"], [PH_TW, VN_TW, ID_TW_SEA], ["electronics"], "USD", 0.3),
    P("TW", 2, "fish", ["kaohsiung", "pingtung"], "Fishing and aquaculture", [["Fish"]], [2, 3], (60, 400),
      (0.6, 0.9), (0.0, 0.05), ["vessel", "vessel", "vessel"], [ID_TW_SEA, PH_TW_SEA], ["seafood", "fishing",
                                                                                      "distant-water"]),
]

# Fixed (named) suppliers with recruitment corridors: Japan technical intern trainees, Australia's PALM scheme.
FIXED_WITH_CORRIDORS = [
    ("JP", "kumamoto", "青葉電子工業株式会社", ["Aoba Denshi Kogyo Co., Ltd."], "Electronics", ["Electronics"], 650,
     0.18, 0.5, ["electronics", "technical-intern-trainees"], VN_JP, "JPY"),
    ("JP", "hamamatsu", "Hokusei Precision Co., Ltd.", ["北星精密株式会社"], "Manufacturing", ["Auto Parts"], 420, 0.12,
     0.3, ["technical-intern-trainees"], VN_JP, "JPY"),
    ("JP", "kitaibaraki", "北茨城食品株式会社", ["Kita-Ibaraki Foods Co., Ltd."], "Food processing", ["Fish"], 190,
     0.35, 0.7, ["seafood", "technical-intern-trainees"], VN_JP, "JPY"),
    ("JP", "hokota", "Tsukuba Agri Service Co., Ltd.", ["つくばアグリサービス株式会社"], "Agriculture", ["Vegetables"], 45,
     0.5, 0.45, ["technical-intern-trainees", "raw-material"], VN_JP, "JPY"),
    ("AU", "toowoomba", "Darling Downs Meat Processors Pty Ltd", [], "Food processing", ["Beef"], 900, 0.35, 0.3,
     ["meat", "pacific-labour-mobility"], (["vu1"], "VU"), "AUD"),
    ("AU", "mildura", "Sunraysia Fresh Harvest Pty Ltd", [], "Agriculture", ["Grapes"], 160, 0.6, 0.4,
     ["horticulture", "pacific-labour-mobility", "raw-material"], (["vu1"], "VU"), "AUD"),
    ("PL", "lodz", "Tkalnia Piotrkowska Sp. z o.o.", ["Piotrkowska Weaving"], "Textiles and garments", ["Textiles"],
     140, 0.35, 0.6, ["textiles"], (["ua1"], "UA"), "EUR"),
]

LOCAL_CURRENCY = {"GB": "GBP", "DE": "EUR", "NL": "EUR", "FR": "EUR", "IT": "EUR", "SE": "SEK", "PL": "PLN",
                  "US": "USD", "AU": "AUD", "JP": "JPY"}
USD_RATE = {"USD": 1.0, "THB": 35.0, "EUR": 0.92, "GBP": 0.79, "SEK": 10.5, "PLN": 4.0, "AUD": 1.5, "JPY": 150.0}


# ----------------------------------------------------------------------------------------------------------------
# Builders
# ----------------------------------------------------------------------------------------------------------------
def worker_fields(n, tier):
    """An exact count, a reported range, or unknown (more often unknown deeper in the chain)."""
    r = rng.random()
    if r < (0.1 if tier == 1 else 0.3):
        return None, None
    if r < 0.55:
        return n, n
    for low, high in [(1, 49), (50, 99), (100, 249), (250, 499), (500, 999), (1000, 4999), (5000, 9999),
                      (10000, 19999)]:
        if low <= n <= high:
            return low, high
    return n, n


def share(bounds, missing_rate):
    if bounds is None or rng.random() < missing_rate:
        return None
    low, high = bounds
    return round(rng.uniform(low, high), 2)


def spend(tier, currency, workers):
    if tier == 3 and rng.random() < 0.8:
        return None, ""
    if tier == 2 and rng.random() < 0.3:
        return None, ""
    # spend grows with the supplier's size: USD per worker per year, bounded
    per_worker = {1: (600, 3500), 2: (150, 1200), 3: (40, 400)}[tier]
    usd = max(workers * rng.uniform(*per_worker), rng.uniform(8000.0, 20000.0))
    if usd > 25000000.0:
        usd = rng.uniform(20000000.0, 30000000.0)
    value = round(usd * USD_RATE[currency], -2)
    return float(value), currency


def status():
    r = rng.random()
    return "active" if r < 0.82 else "onboarding" if r < 0.9 else "suspended" if r < 0.96 else "exited"


SITE_LABEL = {"factory": "Factory", "farm": "Farm", "dormitory": "Dormitory", "warehouse": "Warehouse",
              "port": "Pier", "processing plant": "Processing Plant", "office": "Office", "mine": "Mine"}
MAIN_SITE = {"Agriculture": "farm", "Fishing and aquaculture": "office", "Food processing": "processing plant",
             "Construction materials": "factory", "Mining": "mine", "Logistics": "warehouse", "Services": "office"}


def short_name(name, other_names):
    latin = name if name.isascii() else next((o for o in other_names if o.isascii()), name)
    for cut in [" Co., Ltd.", " Ltd., Part.", " Sdn. Bhd.", " Pvt. Ltd.", " Ltd.", " Inc.", " Pty Ltd", " (Pvt) Ltd",
                " Joint Stock Company", " LLP", " LLC", " GmbH", " B.V.", " SAS", " S.r.l.", " AB", " Sp. z o.o."]:
        if latin.endswith(cut):
            latin = latin[:-len(cut)]
    return latin[3:] if latin.startswith("PT ") else latin


def main_site_type(sector, products, tags):
    if "aquaculture" in tags or sector == "Agriculture":
        return "farm"
    if "fishing" in tags:
        return "port"
    return MAIN_SITE.get(sector, "factory")


def vessel_name(country, base, number):
    base = base.replace(" Fishery", "").replace(" Bay Tuna Ventures", "")
    if country == "ID":
        return "KM %s %d" % (base, number)  # Kapal Motor
    if country == "PH":
        return "F/B %s %d" % (base, number)  # fishing boat
    if country in ("TW", "CN"):
        return "%s No. %d" % (base, number)
    return "%s %d" % (base, number)


def make_sites(country, locality, main_type, extra_types, workers, name, other_names, sites_wanted):
    types = [main_type] + list(extra_types)[:max(0, sites_wanted - 1)]
    if main_type == "port" and "vessel" not in types:
        types.append("vessel")  # a fishing company always shows at least one vessel
    short = short_name(name, other_names)
    n_work = [t for t in types if t not in ("dormitory", "office", "port")]
    sites = []
    remaining = workers
    vessel_no = rng.randint(1, 20)
    vessel_base = short
    if name.startswith("ห้างหุ้นส่วนจำกัด "):  # Thai boats carry the owner's Thai name
        vessel_base = name[len("ห้างหุ้นส่วนจำกัด "):].replace("ประมง", "").strip()
    for i, site_type in enumerate(types):
        if site_type == "vessel":
            vessel_no += rng.randint(1, 9)
            site_name = vessel_name(country, vessel_base, vessel_no)
            count = rng.randint(14, 42)
        else:
            numbered = types.count(site_type) > 1
            label = "Kiln" if "Brick" in short and site_type == "factory" else SITE_LABEL[site_type]
            if label.lower() in short.lower():  # "X Shrimp Farm", not "X Shrimp Farm Farm"
                label = "Main Site" if i == 0 else "Site"
            site_name = "%s %s%s" % (short, label,
                                     (" %s" % "ABCD"[types[:i].count(site_type)]) if numbered else "")
            if site_type == "dormitory":
                count = None
            elif site_type in ("office", "port"):
                count = rng.randint(4, 25)
            elif site_type == n_work[-1] and site_type != "vessel":
                count = max(remaining, 5)
            else:
                count = max(5, int(remaining * rng.uniform(0.55, 0.8)))
        if count is not None and site_type not in ("office", "port"):
            remaining = max(remaining - count, 5)
        if count is not None and rng.random() < 0.12:
            count = None  # not reported
        sites.append({"id": new_uuid(), "name": site_name, "site_type": site_type,
                      "address": street_address(country, locality), "country": country, "workers": count})
    return sites


def make_identifiers(country, tier, os_share, large):
    ids = [{"scheme": "vendor_id", "value": vendor_id()}]
    if rng.random() < os_share:
        ids.append({"scheme": "os_id", "value": os_id(country)})
    if rng.random() < (0.45 if tier == 1 else 0.15):
        ids.append({"scheme": "duns", "value": duns()})
    if large and tier == 1 and rng.random() < 0.35:
        ids.append({"scheme": "lei", "value": lei()})
    if rng.random() < 0.25:
        value = tax_id(country)
        if value:
            ids.append({"scheme": "tax_id", "value": value})
    return ids


def make_recruiter_links(corridors, country, migrant_workers, recruiters_by_key):
    links = []
    unallocated = migrant_workers or 0
    for keys, origin in corridors:
        if rng.random() < 0.25 and links:
            continue
        chosen = rng.sample(keys, k=min(len(keys), rng.choice([1, 1, 2])))
        for key in chosen:
            recruited = None
            if unallocated > 1 and rng.random() < 0.75:
                recruited = max(1, int(unallocated * rng.uniform(0.2, 0.6)))
                unallocated -= recruited
            since = None
            if rng.random() < 0.8:
                since = "%04d-%02d-01" % (rng.randint(2014, 2024), rng.randint(1, 12))
            links.append({"recruiter_id": recruiters_by_key[key]["id"], "origin_country": origin,
                          "destination_country": country, "workers_recruited": recruited, "since": since})
    return links


def tags_for(base_tags, tier, st, migrant, products):
    tags = list(base_tags)
    if migrant is not None and migrant >= 0.3:
        tags.append("migrant-workforce")
    if st == "onboarding":
        tags.append("new-supplier")
    if tier == 1 and rng.random() < 0.2:
        tags.append("strategic")
    if rng.random() < 0.12:
        tags.append("audit-due")
    high_risk = {"Fish", "Shrimp", "Rubber Gloves", "Palm Fruit", "Bricks", "Cotton", "Thread/Yarn", "Polysilicon"}
    if any(p in high_risk for p in products) and (migrant or 0) >= 0.5 or "xinjiang" in tags:
        tags.append("high-priority")
    seen = []
    for t in tags:
        if t not in seen:
            seen.append(t)
    return seen


def build():
    recruiters = []
    by_key = {}
    for key, name, country, licence, lic_status, address, _dest in RECRUITERS:
        r = {"id": new_uuid(), "name": name, "country": country, "licence_number": licence,
             "licence_status": lic_status, "address": address}
        recruiters.append(r)
        by_key[key] = r

    suppliers = []
    for prof in PROFILES:
        for _ in range(prof["count"]):
            country = prof["country"]
            locality = pick(prof["localities"])
            name, others = make_name(prof["namer"], country, locality)
            tier = pick(prof["tiers"])
            n = int(rng.uniform(*prof["workers"]))
            migrant = share(prof["migrants"], 0.15)
            female = share(prof["female"], 0.2)
            currency = prof["currency"] if rng.random() < 0.85 else "USD"
            spend_value, spend_currency = spend(tier, currency, n)
            st = status()
            products = list(pick(prof["products"]))
            n_sites = rng.randint(1, min(4, 1 + len(prof["sites"])))
            main_type = main_site_type(prof["sector"], products, prof["tags"])
            sites = make_sites(country, locality, main_type, prof["sites"], n, name, others, n_sites)
            n = max(n, sum(site["workers"] or 0 for site in sites))
            wmin, wmax = worker_fields(n, tier)
            migrant_workers = int(n * migrant) if migrant else None
            links = []
            if prof["corridors"] and (migrant or 0) > 0.05:
                links = make_recruiter_links(prof["corridors"], country, migrant_workers, by_key)
            suppliers.append({
                "id": new_uuid(), "name": name, "other_names": others, "country": country,
                "address": street_address(country, locality), "sector": prof["sector"], "products": products,
                "tier": tier, "annual_spend": spend_value, "currency": spend_currency,
                "workers_min": wmin, "workers_max": wmax, "migrant_share": migrant, "female_share": female,
                "status": st, "tags": tags_for(prof["tags"], tier, st, migrant, products), "sites": sites,
                "identifiers": make_identifiers(country, tier, prof["os_share"], n >= 3000),
                "recruiters": links})

    fixed = [f + ((), None) for f in FIXED_SUPPLIERS] + [tuple(f[:10]) + (f[10], f[11]) for f in
                                                         FIXED_WITH_CORRIDORS]
    for country, locality, name, others, sector, products, n, migrant, female, tags, corridor, currency in fixed:
        if not register_name(name):
            raise RuntimeError("duplicate or stoplisted fixed name %s" % name)
        currency = currency or LOCAL_CURRENCY[country]
        tier = 1 if sector in ("Services", "Logistics", "Manufacturing", "Electronics") else pick([1, 2])
        st = status()
        extra = ["dormitory"] if corridor and sector in ("Agriculture", "Food processing") else ["warehouse"]
        sites = make_sites(country, locality, main_site_type(sector, products, tags), extra, n, name, others,
                           rng.randint(1, 2))
        links = make_recruiter_links([corridor], country, int(n * migrant), by_key) if corridor else []
        spend_value, spend_currency = spend(tier, currency, n)
        wmin, wmax = worker_fields(n, tier)
        suppliers.append({
            "id": new_uuid(), "name": name, "other_names": list(others), "country": country,
            "address": street_address(country, locality), "sector": sector, "products": list(products), "tier": tier,
            "annual_spend": spend_value, "currency": spend_currency, "workers_min": wmin, "workers_max": wmax,
            "migrant_share": migrant, "female_share": female, "status": st,
            "tags": tags_for(tags, tier, st, migrant, products), "sites": sites,
            "identifiers": make_identifiers(country, tier, 0.3 if "garments" in tags else 0.0, n >= 3000),
            "recruiters": links})

    rng.shuffle(suppliers)
    actions, fees, trainings = make_cycle(suppliers)
    return {"format": "vigil-sample-portfolio", "version": 1, "recruiters": recruiters, "suppliers": suppliers,
            "corrective_actions": actions, "fee_ledger": fees, "trainings": trainings}



# ----------------------------------------------------------------------------------------------------------------
# The remediation cycle: corrective actions, the recruitment-fee ledger and trainings (schema 8, core/actions).
# Generated with their own random stream (SEED + 1) so that the suppliers above do not change. Dates are day offsets
# from the day the sample is loaded (negative = in the past), so the sample always has some actions overdue and some
# due soon. Fee amounts are totals for GROUPS of workers; no worker is named or numbered anywhere.
# ----------------------------------------------------------------------------------------------------------------
LANGUAGE_OF = {"MM": "Burmese", "KH": "Khmer", "LA": "Lao", "NP": "Nepali", "BD": "Bengali", "ID": "Indonesian",
               "VN": "Vietnamese", "PH": "Filipino", "IN": "Hindi", "UA": "Ukrainian", "VU": "Bislama"}
CURRENCY_OF = {"TH": "THB", "MY": "MYR", "TW": "TWD", "JP": "JPY", "AU": "AUD", "PL": "PLN", "IN": "INR"}
# Typical recruitment fees and related costs per worker in the destination's currency (ILO / IOM corridor studies
# give the order of magnitude; the sample draws within these ranges).
FEE_PER_WORKER = {("MM", "TH"): (12000, 22000), ("KH", "TH"): (9000, 16000), ("LA", "TH"): (8000, 14000),
                  ("NP", "MY"): (4500, 6500), ("BD", "MY"): (15000, 20000), ("MM", "MY"): (5000, 8000),
                  ("ID", "MY"): (3000, 5000), ("VN", "JP"): (600000, 1000000), ("ID", "TW"): (60000, 90000),
                  ("PH", "TW"): (50000, 80000), ("VN", "TW"): (80000, 120000)}
ACTION_TEMPLATES = [
    ("rec_fees_paid_by_worker", "Reimburse recruitment fees and related costs paid by the {year} intake of {lang}-speaking workers"),
    ("rec_documents_retained", "Return passports held by the HR office and provide lockers with worker-held keys"),
    ("rec_no_written_contract_in_language", "Issue employment contracts in {lang} and explain them before departure"),
    ("ilo_11_excessive_overtime", "Cap overtime at the legal limit and record working hours electronically"),
    ("ilo_08_withholding_of_wages", "Pay wages monthly by bank transfer into accounts held by the workers themselves"),
    ("rec_no_employer_pays_policy", "Adopt an Employer Pays policy and write it into every recruitment-agency contract"),
    ("rec_unlicensed_recruiter", "Stop using unlicensed sub-agents and verify the licence of every recruitment agency"),
    ("ilo_10_abusive_conditions", "Reduce dormitory occupancy to eight workers per room and repair the fire exits"),
    ("rec_wage_deductions_for_recruitment_debt", "End wage deductions for recruitment loans and write off the balances"),
    ("cl_no_age_verification", "Verify age documents of every new hire and keep copies on file"),
    ("", "Set up a grievance channel in {lang} with an independent hotline and a non-retaliation policy"),
]
OWNERS = ["Responsible sourcing manager", "Supplier HR manager", "Regional compliance lead", "Site general manager",
          "Social compliance auditor (second party)"]
VERIFICATION = ["Follow-up audit: payroll and bank transfer records reviewed",
                "Documents seen on site; confirmed in confidential worker interviews (group setting)",
                "Third-party verification report received and reviewed",
                "Policy and signed agency contracts reviewed by the sourcing team"]
STATUS_WEIGHTS = [("open", 30), ("in_progress", 25), ("closed_verified", 25), ("closed_not_verified", 10),
                  ("cancelled", 10)]
TRAININGS = [("Forced labour indicators and the ILO's 11 indicators, for buyers", "staff"),
             ("Responsible recruitment and the Employer Pays Principle", "staff"),
             ("Modern slavery statement: what the law asks", "staff"),
             ("Employer Pays Principle and fee reimbursement", "suppliers"),
             ("Working hours, wages and overtime records", "suppliers"),
             ("Ethical recruitment: no fees, contracts in the worker's language", "recruiters"),
             ("Grievance channels and non-retaliation", "suppliers"),
             ("Child labour: age verification and remediation", "suppliers")]


def make_cycle(suppliers):
    crng = random.Random(SEED + 1)

    def cuuid():
        return str(uuid.UUID(int=crng.getrandbits(128), version=4))

    def weighted(pairs):
        total = sum(w for _, w in pairs)
        x = crng.randrange(total)
        for value, w in pairs:
            if x < w:
                return value
            x -= w
        return pairs[-1][0]

    by_id = {s["id"]: s for s in suppliers}
    migrant = sorted((s for s in suppliers if s["recruiters"]), key=lambda s: s["id"])
    others = sorted((s for s in suppliers if not s["recruiters"] and s["tier"] == 1), key=lambda s: s["id"])
    with_actions = migrant[:24] + crng.sample(others, 4)
    actions = []
    for s in with_actions:
        origin = s["recruiters"][0]["origin_country"] if s["recruiters"] else ""
        lang = LANGUAGE_OF.get(origin, "the workers' own language")
        templates = crng.sample(ACTION_TEMPLATES[:-1] if not origin else ACTION_TEMPLATES, crng.randint(1, 3))
        if origin and not any(t[0] == "rec_fees_paid_by_worker" for t in templates) and crng.random() < 0.5:
            templates[0] = ACTION_TEMPLATES[0]
        for indicator, text in templates:
            status = weighted(STATUS_WEIGHTS)
            if status in ("open", "in_progress"):  # recent plans: most still due, about one in four overdue
                opened = -crng.randint(15, 150)
                due = opened + crng.choice([60, 90, 120, 180, 180, 240, 270])
            else:
                opened = -crng.randint(60, 330)
                due = opened + crng.choice([30, 45, 60, 90, 120, 180])
            closed = None
            if status in ("closed_verified", "closed_not_verified", "cancelled"):
                closed = min(-1, opened + crng.randint(10, 200))
            actions.append({
                "id": cuuid(), "supplier_id": s["id"], "site_id": s["sites"][0]["id"], "indicator": indicator,
                "description": text.format(year=2025 if opened < -180 else 2026, lang=lang),
                "owner": crng.choice(OWNERS), "opened_offset_days": opened, "due_offset_days": due,
                "status": status, "closed_offset_days": closed,
                "verification_note": crng.choice(VERIFICATION) if status == "closed_verified" else ""})
    fees = []
    for s in migrant:
        dest_currency = CURRENCY_OF.get(s["country"])
        for link in s["recruiters"]:
            corridor = (link["origin_country"], link["destination_country"])
            if corridor not in FEE_PER_WORKER or dest_currency is None:
                continue
            if crng.random() < (0.3 if s["country"] in ("TH", "MY") else 0.5):
                continue
            low, high = FEE_PER_WORKER[corridor]
            workers = crng.randint(8, 60)
            if link["workers_recruited"]:
                workers = min(workers, link["workers_recruited"])
            per_worker = crng.randint(low, high)
            step = 1000 if per_worker >= 100000 else 100
            paid = float(round(workers * per_worker / step) * step)
            share = crng.choice([0.0, 0.0, 0.25, 0.4, 0.5, 0.6, 1.0, 1.0])
            reimbursed = float(round(paid * share / step) * step)
            fees.append({
                "id": cuuid(), "supplier_id": s["id"], "recruiter_id": link["recruiter_id"],
                "origin_country": corridor[0], "destination_country": corridor[1],
                "worker_group": "%d intake, %s" % (crng.choice([2024, 2025, 2026]),
                                                   crng.choice(["production line", "night shift", "main site",
                                                                "processing line", "dormitory block B"])),
                "workers": workers, "paid_amount": paid, "reimbursed_amount": reimbursed, "currency": dest_currency,
                "recorded_offset_days": -crng.randint(15, 300),
                "evidence_source": crng.choice(["audit", "worker_interview", "self_assessment"]), "note": ""})
    trainings = []
    for topic, audience in TRAININGS:
        for _ in range(crng.randint(1, 2)):
            supplier = ""
            if audience == "suppliers":
                supplier = crng.choice(with_actions)["id"]
            trainings.append({
                "id": cuuid(), "supplier_id": supplier, "topic": topic, "held_offset_days": -crng.randint(10, 340),
                "participants": crng.randint(6, 45) if audience != "recruiters" else crng.randint(4, 18),
                "audience": audience})
    assert all(a["supplier_id"] in by_id for a in actions)
    return actions, fees, trainings

# ----------------------------------------------------------------------------------------------------------------
# Validation: run on every generation and by --check (also from CTest, tests/core/sample)
# ----------------------------------------------------------------------------------------------------------------
ISO_3166_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
SITE_TYPES = {"factory", "farm", "vessel", "dormitory", "port", "warehouse", "processing plant", "mine", "office"}
ID_SCHEMES = {"vendor_id", "lei", "duns", "os_id", "tax_id"}


def lei_is_valid(value):
    return len(value) == 20 and all(c in ALNUM for c in value) and _iso7064_mod97_value(value) % 97 == 1


def validate(doc):
    """Returns a list of problems (empty when the document is valid)."""
    problems = []
    try:
        with open(ISO_3166_JSON, encoding="utf-8") as f:
            countries = {c["alpha_2"] for c in json.load(f)["3166-1"]}
    except OSError:
        countries = None  # iso-codes not installed: skip the country check
        print("warning: %s not found, country codes not checked" % ISO_3166_JSON, file=sys.stderr)

    def check(ok, message):
        if not ok:
            problems.append(message)

    def check_country(code, where):
        check(isinstance(code, str) and len(code) == 2 and (countries is None or code in countries),
              "%s: bad country %r" % (where, code))

    check(doc.get("format") == "vigil-sample-portfolio" and doc.get("version") == 1, "bad format/version header")
    uuids = []
    recruiter_ids = set()
    for r in doc["recruiters"]:
        where = "recruiter %s" % r.get("name")
        check(set(r) == {"id", "name", "country", "licence_number", "licence_status", "address"}, where + ": keys")
        uuids.append(r["id"])
        recruiter_ids.add(r["id"])
        check_country(r["country"], where)
        check(r["licence_status"] in ("licensed", "unlicensed", "unknown"), where + ": licence_status")
        check(r["name"].strip() == r["name"] and r["name"], where + ": name")
    seen_ids = {}
    names = set()
    for s in doc["suppliers"]:
        where = "supplier %s" % s.get("name")
        check(set(s) == {"id", "name", "other_names", "country", "address", "sector", "products", "tier",
                         "annual_spend", "currency", "workers_min", "workers_max", "migrant_share", "female_share",
                         "status", "tags", "sites", "identifiers", "recruiters"}, where + ": keys")
        uuids.append(s["id"])
        check(s["name"] not in names, where + ": duplicate name")
        names.add(s["name"])
        check_country(s["country"], where)
        check(s["sector"] in SECTORS, where + ": sector")
        check(s["tier"] in (1, 2, 3), where + ": tier")
        check(s["status"] in ("active", "onboarding", "suspended", "exited"), where + ": status")
        check(s["products"] and all(isinstance(p, str) and p for p in s["products"]), where + ": products")
        check((s["annual_spend"] is None) == (s["currency"] == ""), where + ": spend/currency")
        check(s["annual_spend"] is None or (isinstance(s["annual_spend"], float) and s["annual_spend"] > 0),
              where + ": annual_spend")
        check((s["workers_min"] is None) == (s["workers_max"] is None), where + ": workers range")
        if s["workers_min"] is not None:
            check(0 < s["workers_min"] <= s["workers_max"], where + ": workers_min > workers_max")
        for field in ("migrant_share", "female_share"):
            check(s[field] is None or 0.0 <= s[field] <= 1.0, where + ": " + field)
        check(1 <= len(s["sites"]) <= 4, where + ": site count")
        for site in s["sites"]:
            uuids.append(site["id"])
            check(site["site_type"] in SITE_TYPES, where + ": site_type")
            check_country(site["country"], where + " site")
            check(site["workers"] is None or site["workers"] > 0, where + ": site workers")
        schemes = [i["scheme"] for i in s["identifiers"]]
        check(schemes.count("vendor_id") == 1, where + ": needs exactly one vendor_id")
        for ident in s["identifiers"]:
            check(ident["scheme"] in ID_SCHEMES, where + ": scheme")
            key = (ident["scheme"], ident["value"])
            check(key not in seen_ids, where + ": identifier %s=%s not unique" % key)
            seen_ids[key] = s["id"]
            if ident["scheme"] == "lei":
                check(lei_is_valid(ident["value"]), where + ": LEI check digits")
            if ident["scheme"] == "duns":
                check(len(ident["value"]) == 9 and ident["value"].isdigit(), where + ": DUNS")
            if ident["scheme"] == "os_id":
                v = ident["value"]
                check(len(v) == 15 and v[:2] == s["country"] and v[2:9].isdigit() and v[9:].isalnum(),
                      where + ": OS ID")
        for link in s["recruiters"]:
            check(link["recruiter_id"] in recruiter_ids, where + ": unknown recruiter_id")
            check_country(link["origin_country"], where + " recruiter origin")
            check_country(link["destination_country"], where + " recruiter destination")
            check(link["workers_recruited"] is None or link["workers_recruited"] > 0, where + ": workers_recruited")
            check(link["since"] is None or (len(link["since"]) == 10 and link["since"][4] == "-"), where + ": since")
    supplier_ids = {s["id"] for s in doc["suppliers"]}
    site_ids = {site["id"]: s["id"] for s in doc["suppliers"] for site in s["sites"]}
    statuses = {"open", "in_progress", "closed_verified", "closed_not_verified", "cancelled"}
    for a in doc.get("corrective_actions", []):
        where = "corrective action %s" % a.get("id")
        uuids.append(a["id"])
        check(a["supplier_id"] in supplier_ids, where + ": unknown supplier")
        check(site_ids.get(a["site_id"]) == a["supplier_id"], where + ": site of another supplier")
        check(a["status"] in statuses, where + ": status")
        check(a["description"].strip() != "", where + ": description")
        check(a["due_offset_days"] >= a["opened_offset_days"], where + ": due before opened")
        closed = a["status"] in ("closed_verified", "closed_not_verified", "cancelled")
        check((a["closed_offset_days"] is not None) == closed, where + ": closing date")
        if closed:
            check(a["opened_offset_days"] <= a["closed_offset_days"] < 0, where + ": closed before opened")
        check((a["verification_note"] != "") == (a["status"] == "closed_verified"), where + ": verification note")
    for f in doc.get("fee_ledger", []):
        where = "fee entry %s" % f.get("id")
        uuids.append(f["id"])
        check(f["supplier_id"] in supplier_ids, where + ": unknown supplier")
        check(f["recruiter_id"] in recruiter_ids, where + ": unknown recruiter")
        check(0 <= f["reimbursed_amount"] <= f["paid_amount"], where + ": amounts")
        check(len(f["currency"]) == 3 and f["currency"].isupper(), where + ": currency")
        check(f["workers"] > 0 and not any(ch.isdigit() for ch in f["worker_group"].split(",")[1]),
              where + ": worker group")
    for t in doc.get("trainings", []):
        where = "training %s" % t.get("id")
        uuids.append(t["id"])
        check(t["supplier_id"] == "" or t["supplier_id"] in supplier_ids, where + ": supplier")
        check(t["audience"] in ("staff", "suppliers", "recruiters"), where + ": audience")
        check(t["participants"] >= 0 and t["held_offset_days"] < 0, where + ": participants or date")
    for u in uuids:
        try:
            check(str(uuid.UUID(u)) == u and uuid.UUID(u).version == 4, "not a lowercase uuid4: %s" % u)
        except ValueError:
            problems.append("bad uuid %r" % u)
    check(len(set(uuids)) == len(uuids), "uuids are not unique")
    return problems


def render(doc):
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed file differs from the output")
    parser.add_argument("--output", default=OUTPUT)
    args = parser.parse_args()
    doc = build()
    problems = validate(doc)
    for problem in problems:
        print("invalid: " + problem, file=sys.stderr)
    if problems:
        return 1
    text = render(doc)
    if args.check:
        with open(args.output, encoding="utf-8") as f:
            if f.read() != text:
                print("%s is out of date: run %s" % (args.output, sys.argv[0]), file=sys.stderr)
                return 1
        return 0
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    doc = json.loads(text)
    print("wrote %s: %d suppliers, %d sites, %d recruiters, %d corrective actions, %d fee entries, %d trainings" % (
        os.path.normpath(args.output), len(doc["suppliers"]), sum(len(s["sites"]) for s in doc["suppliers"]),
        len(doc["recruiters"]), len(doc["corrective_actions"]), len(doc["fee_ledger"]), len(doc["trainings"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
