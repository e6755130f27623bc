"""The barometer's fixed dimensions: editions, sectors, bases and innovation types.

Keys are the domain's Danish words, as in data/; labels are Danish messages, shown
through the reader's catalogue (`_(SECTORS["stat"])`).
"""

from types import MappingProxyType

from dashboard.i18n import N_

PERIODS = ("2013-2014", "2015-2016", "2018-2019", "2021-2023")

SECTORS = MappingProxyType(
    {
        "alle": N_("Hele den offentlige sektor"),
        "kommune": N_("Kommuner"),
        "region": N_("Regioner"),
        "stat": N_("Staten"),
    }
)

# One workplace's sector, as a case card names it.
SECTOR_OF_ONE = MappingProxyType(
    {"alle": N_("Offentlig"), "kommune": N_("Kommune"), "region": N_("Region"), "stat": N_("Stat")}
)

# The filter's innovation types, in the order the barometer lists them.
INNOVATION_TYPES = MappingProxyType(
    {
        "proces": N_("Proces og organisering"),
        "service": N_("Service"),
        "kommunikation": N_("Kommunikation"),
        "produkt": N_("Produkt"),
    }
)

# cases.yaml names innovation types in English; the filter uses the Danish keys.
CASE_TYPE_TO_FILTER = MappingProxyType(
    {"process": "proces", "service": "service", "communication": "kommunikation", "product": "produkt"}
)

BASES = MappingProxyType(
    {
        "workplaces": N_("Andel af offentlige arbejdspladser (100 % = alle arbejdspladser)"),
        "innovations": N_("Andel af arbejdspladsernes seneste innovationer (100 % = alle seneste innovationer)"),
        # Danmarks Statistik's OIN02DK–OIN04DK: shares of the workplaces with at least one innovation.
        "innovative_workplaces": N_("Andel af innovative offentlige arbejdspladser (100 % = arbejdspladser med mindst én innovation)"),
    }
)

# A base in a few words, where the editions of one chart differ in base.
BASES_SHORT = MappingProxyType(
    {
        "workplaces": N_("andel af offentlige arbejdspladser"),
        "innovations": N_("andel af arbejdspladsernes seneste innovationer"),
        "innovative_workplaces": N_("andel af innovative offentlige arbejdspladser"),
    }
)

PRECISIONS = ("exact", "approx", "verbal")

# What a chart, table or text says where nothing was published.
NOT_PUBLISHED = N_("Ikke offentliggjort")
