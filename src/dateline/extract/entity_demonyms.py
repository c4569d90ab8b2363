"""Nationalities, faiths, parties and other group words: names typed ``other``, never a person,
organisation or place (``German``, ``Bosnian Serbs``, ``Moslems``, ``Republicans``).

A word is a demonym when it is in ``DEMONYMS`` or when stripping a nationality ending and adding a
place ending gives a known place (``Albanian`` → ``Albania``, ``Kurdish`` → ``Kurdistan``).
"""

from __future__ import annotations

from functools import lru_cache

from . import gazetteer, lexicon
from .patterns import NATIONALITY_SUFFIXES, word_table

DEMONYMS = word_table(
    """
    Serb|Serbs|Croat|Croats|Bosniak|Bosniaks|Kosovar|Kosovars|Briton|Britons|Brit|Brits|Swiss|French|Dutch
    Thai|Greek|Greeks|Czech|Czechs|Slovak|Pole|Poles|Turk|Turks|Dane|Danes|Swede|Swedes|Finn|Finns|Scot|Scots
    Welsh|Irish|Yugoslav|Arab|Arabs|Jew|Jews|Kurd|Kurds|Uzbek|Uzbeks|Kazakh|Afghan|Afghans|Filipino|Sikh
    Hindu|Muslim|Muslims|Christian|Christians|Catholic|Catholics|Shia|Shiite|Sunni|Jewish|Islamic|Buddhist
    Israeli|Israelis|Iraqi|Iraqis|Pakistani|Pakistanis|Saudi|Saudis|Kuwaiti|Yemeni|Omani|Qatari|Emirati
    Bangladeshi|Nepali|Somali|Somalis|English|Spanish|Danish|Swedish|Finnish|Polish|Turkish|Scottish|Basque
    Republican|Republicans|Democrat|Democrats|Democratic|Conservative|Conservatives|Labour|Liberal|Tory
    Tories|Socialist|Socialists|Communist|Communists|Olympic|Olympics|Internet|Web|Christmas|Easter|Ramadan
    German|Germans|British|American|Americans|Soviet|Soviets|Moslem|Moslems|Islamist|Islamists|Western
    Eastern|Northern|Southern|Argentine|Cypriot|Azeri|Azeris|Tajik|Tajiks|Norwegian|Norwegians|Catalan
    Frenchman|Frenchmen|Frenchwoman|Englishman|Englishmen|Dutchman|Dutchmen|Scotsman|Irishman|Welshman
    Tamil|Tamils|Hutu|Hutus|Tutsi|Tutsis|Pashtun|Pashtuns|Baluch|Zulu|Zulus|Maori|Aborigine|Aboriginal
    Congolese|Ivorian|Ivorians|Malagasy|Monegasque|Scandinavian|Nordic|Latino|Latinos|Hispanic|Hispanics
    Protestant|Protestants|Orthodox|Lutheran|Anglican|Methodist|Baptist|Mormon|Mormons|Maronite|Coptic|Copt
    Copts|Evangelical|Shi'ite|Shi'ites|Jihadist|Jihadists|Marxist|Maoist|Maoists|Leninist|Stalinist|Nazi
    Nazis|Fascist|Fascists|Zionist|Zionists|Gaullist|Gaullists|Peronist|Sandinista|Sandinistas|Kremlin-backed
    Bedouin|Bedouins|Slav|Slavs|Slavic|Latin|Asian|Asians|African|Africans|European|Europeans|Caucasian
    Druze|Alawite|Alawites|Sufi|Wahhabi|Yazidi|Yazidis|Uighur|Uighurs|Uyghur|Uyghurs|Rohingya|Roma|Gypsy
    Gypsies|Inuit|Spaniard|Spaniards|Chechen|Chechens|Portuguese|Peruvian|Peruvians|Belarussian|Belarusian|Montenegrin
    Mozambican|Honduran|Panamanian|Cossack|Cossacks|Berber|Berbers|Tuareg|Somalian|Gulf-state|Euro|Euros
    """
)
"""Nationalities, faiths, parties and other ``other``-kind words that no suffix rule catches."""

PLACE_ENDINGS: tuple[str, ...] = (
    "", "a", "ia", "e", "y", "an", "o", "land", "stan", "istan", "any", "um", "ium", "al", "on", "ey", "and",
    "ain", "nya", "ina",
)  # fmt: skip
"""What may follow a demonym's stem in its place's name (``Belgi·um``, ``Germ·any``, ``Portug·al``)."""

MIN_STEM = 3
"""Shorter stems (``Br·ian``) match too many places by chance."""


@lru_cache(maxsize=8192)
def is_demonym(word: str) -> bool:
    """``Albanian``, ``Serbs``, ``Japanese``: a nationality or group, typed ``other``."""
    if word in DEMONYMS or word.rstrip("s") in DEMONYMS:
        return True
    if not word[:1].isupper() or gazetteer.is_place(word) or lexicon.first_name_gender(word):
        # A place or a first name (``Brian``, ``Susan``) only looks like a nationality.
        return False
    lower = word.lower()
    for suffix in NATIONALITY_SUFFIXES:
        stem = lower[: -len(suffix)]
        if (
            lower.endswith(suffix)
            and len(stem) >= MIN_STEM
            and any(gazetteer.is_place(stem + e) for e in PLACE_ENDINGS)
        ):
            return True
    return False
