"""The barometer's fixed dimensions: editions, sectors, bases and innovation types.

Keys are the domain's Danish words, as in data/; labels are what a reader sees.
"""

from types import MappingProxyType

PERIODS = ("2013-2014", "2015-2016", "2018-2019", "2021-2023")

SECTORS = MappingProxyType(
    {
        "alle": {"da": "Hele den offentlige sektor", "en": "Whole public sector", "da_one": "Offentlig"},
        "kommune": {"da": "Kommuner", "en": "Municipalities", "da_one": "Kommune"},
        "region": {"da": "Regioner", "en": "Regions", "da_one": "Region"},
        "stat": {"da": "Staten", "en": "Central government", "da_one": "Stat"},
    }
)

# The filter's innovation types, in the order the barometer lists them.
INNOVATION_TYPES = MappingProxyType(
    {
        "proces": {"da": "Proces og organisering", "en": "Process and organisation"},
        "service": {"da": "Service", "en": "Service"},
        "kommunikation": {"da": "Kommunikation", "en": "Communication"},
        "produkt": {"da": "Produkt", "en": "Product"},
    }
)

# cases.yaml names innovation types in English; the filter uses the Danish keys.
CASE_TYPE_TO_FILTER = MappingProxyType(
    {"process": "proces", "service": "service", "communication": "kommunikation", "product": "produkt"}
)

BASES = MappingProxyType(
    {
        "workplaces": {
            "da": "Andel af offentlige arbejdspladser (100 % = alle arbejdspladser)",
            "en": "Share of public workplaces (100% = all workplaces)",
        },
        "innovations": {
            "da": "Andel af arbejdspladsernes seneste innovationer (100 % = alle seneste innovationer)",
            "en": "Share of the workplaces' latest innovations (100% = all latest innovations)",
        },
    }
)

PRECISIONS = ("exact", "approx", "verbal")

# What a chart, table or text says where nothing was published.
NOT_PUBLISHED = "Ikke offentliggjort"
