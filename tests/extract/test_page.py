"""Finding the article in scraped page text: title, date, body, chrome removed."""

import re
from pathlib import Path

import pytest

from kgapi.extract import extract
from kgapi.extract.page import parse_page

from .conftest import article


def test_seed_title_date_and_chrome(seed_text):
    p = parse_page(seed_text)
    assert p.title == "North Korea Shows Troops in Russia for First Time, Honors War Dead"
    assert p.published == "2025-12-06"
    assert p.body.startswith("Screenshot from Korean Central Television\n\nNorth Korea has publicly revealed")
    for chrome in ("Check Out Our Content", "Most Popular Articles", "From Blackhawk to Valor",
                   "Global Diplomacy Index", "Check Out Other Tags"):
        assert chrome not in p.body
    # the repeated caption is kept once
    assert p.body.count("Screenshot from Korean Central Television") == 1
    assert p.body.rstrip().endswith("between July and August.")


def test_dateline_gives_date_and_year_from_weekday():
    p = parse_page(article("dev-01.txt"))
    assert p.published == "2025-06-17"   # "SEOUL, June 17 (Yonhap)" + "said Tuesday" + years named
    assert p.title.startswith("(LEAD) N. Korea to send 6,000 sappers")
    assert "SEOUL, June 17 (Yonhap)" not in p.body and "Yonhap" not in p.body
    assert "Related articles" not in p.body and "Pentagon weighs" not in p.body
    assert "(END)" not in p.body


def test_byline_and_listen_chrome():
    p = parse_page(article("dev-02.txt"))
    assert p.published == "2025-04-28"
    assert p.title == "North Korea confirms for the first time that its troops fought for Russia"
    assert "Hana Sorensen" not in p.body and "Listen to this article" not in p.body
    assert "Most read" not in p.body and "Subscribe" not in p.body


def test_overrides_win(seed_text):
    r = extract(seed_text, title="My title", published="2025-01-02", url="http://x.test/a", source="s")
    a = r["article"]
    assert (a["title"], a["published"], a["url"], a["source"]) == ("My title", "2025-01-02", "http://x.test/a", "s")
    assert a["id"] == "2025-01-02-my-title"


def test_plain_paragraph_without_chrome():
    text = ("North Korea sent about 1,000 more troops to Russia in March, South Korea's Joint Chiefs of Staff "
            "said on Thursday, adding that the soldiers were deployed to the Kursk region.")
    r = extract(text, published="2025-04-10")
    assert r["article"]["text"] == text
    assert r["deployments"][0]["personnel"][0]["count"] == 1000


def test_single_line_article_has_title_fallback():
    r = extract("Russia denied the reports on Monday.")
    assert r["article"]["title"]
    assert r["article"]["text"] == "Russia denied the reports on Monday."


LAYOUTS = Path(__file__).parent / "layouts"


@pytest.mark.parametrize("name,title,published,body_start", [
    # headline + deck, byline with a role, date line
    ("l1.txt", "North Korean troops join Russian drills in Far East", "2024-10-05", "Exercise marks the first time"),
    # section prefix in the headline, title-case dateline with agency, date in a footer line
    ("l2.txt", "Russia sends military advisers to Niger as US pulls out", "2024-04-14", "Russia has sent about 100"),
    # a kicker ("ANALYSIS") between headline and body, date with weekday and time
    ("l3.txt", "Ukraine says Iranian instructors were killed in Crimea", "2023-11-14", "Iranian military instructors"),
    # navigation words, standfirst, two-author byline, date after the standfirst
    ("l4.txt", "Belarus to host Russian nuclear-capable units, Lukashenko says", "2023-06-12", "Minsk says the move"),
    # no blank lines, "Breaking:" headline, "· 4 min read"
    ("l5.txt", "Breaking: Iran sends drone trainers to Russia's Crimea, Kyiv says", "2024-10-05", "Ukraine's military"),
    # breadcrumb, section label, "Reporter X" byline, "2025.06.18 14:05", a row of page buttons
    ("l6.txt", "N. Korean troops seen training at Russian base near Vladivostok: JCS", "2025-06-18",
     "North Korean soldiers train"),
    # navigation bar with double spaces, deck ending in a full stop, "Updated 9:40 AM KST, November 5, 2024",
    # agency dateline without a date
    ("l7.txt", "Russia says North Korean officers attended drills in the Far East", "2024-11-05", "Moscow calls it"),
    # an "Updated" stamp in the header, the "Posted" date in the footer: the publication date is the posted one
    ("l8.txt", "Kim Jong Un and Putin sign defense pact in Pyongyang", "2024-06-19", "Kim Jong Un and Russian"),
    # upper-case kicker, "Nov 5 2024", a photo caption before the text
    ("l9.txt", "Pyongyang sends second group of military engineers to Kursk", "2024-11-05", "Photo by Dmitry"),
    # the headline only at the end of a breadcrumb trail; "Posted : … | Updated : …"
    ("l10.txt", "Kim Jong Un meets Russia's Shoigu for second time in two weeks", "2025-06-17", "Kim Jong Un met"),
])
def test_layouts(name, title, published, body_start):
    p = parse_page((LAYOUTS / name).read_text(encoding="utf-8"))
    assert p.title == title
    assert p.published == published
    assert p.body.startswith(body_start)
    assert "Advertisement" not in p.body and "Share this article" not in p.body
    assert not re.search(r"(?m)^(?:By |Reporter |Updated |Posted |Font size)", p.body)


BODY = ("Ghana will send 400 soldiers to the mission in Lebanon, the defence ministry said on Tuesday. "
        "The first of them are due to leave Accra next month, officials told reporters in the capital.\n\n"
        "The contingent will relieve a battalion that has served there since last year, the ministry added.\n")


@pytest.mark.parametrize("page,title", [
    # a video teaser under the headline is no headline; nor is the section kicker above it
    ("DAILY GRAPHIC\nHome  News  Politics  Sport\n\nPEACEKEEPING\nGhana readies battalion for Lebanon\n\n3 hours ago\n\n"
     "Watch: Troops rehearse at Michel Camp (2:05)\n\n" + BODY, "Ghana readies battalion for Lebanon"),
    # a commentary's author and post under the byline
    ("POLICY REVIEW\nResearch  Commentary  Events\n\nCOMMENTARY\n\nGhana's Lebanon battalion tests its army\n\n"
     "Ama Owusu-Boateng\nSenior Fellow, Security Programme\n12 Mar 2025 · 6 min read\n\nDownload PDF (1.1 MB)    Share    Print\n\n"
     + BODY, "Ghana's Lebanon battalion tests its army"),
    # a live page: its label goes, its sign-off post is not the headline
    ("WEST AFRICA NOW\nHome  Live  Ghana  Nigeria\n\nLIVE   Ghana readies battalion for Lebanon\n\n"
     "Last updated 19:40 GMT, Wed 12 March 2025\n\n19:40 GMT\nWe're pausing our live coverage\n\n"
     "Thank you for following. We'll be back tomorrow from 07:00 GMT with more.\n\n19:05 GMT\n" + BODY,
     "Ghana readies battalion for Lebanon"),
])
def test_the_headline_among_teasers_kickers_bylines_and_live_posts(page, title):
    p = parse_page(page)
    assert p.title == title
    for chrome in ("Watch:", "Senior Fellow", "Owusu-Boateng", "Download PDF", "pausing", "Thank you for following"):
        assert chrome not in p.body
    assert "Ghana will send 400 soldiers" in p.body


@pytest.mark.parametrize("page,title", [
    # a "Most viewed" list before the headline: other stories' headlines, and none of them has a deck
    ("Most Viewed\nS. Korea's exports rise 5 pct in October\nBTS member to be discharged next month\n\n"
     "Ghana readies battalion for Lebanon\n\nAll News 10:05 March 12, 2025\n\n" + BODY, "Ghana readies battalion for Lebanon"),
    # a long headline (some outlets write 35 words)
    ("Ghana will send 400 soldiers to the UN mission in Lebanon next month and could send another battalion by the end "
     "of the year, the defence ministry tells parliament in a closed-door briefing on the new rotation\n\n"
     "Mar 12, 2025\n\n" + BODY,
     "Ghana will send 400 soldiers to the UN mission in Lebanon next month and could send another battalion by the end "
     "of the year, the defence ministry tells parliament in a closed-door briefing on the new rotation"),
])
def test_the_headline_after_a_list_of_other_stories_and_a_long_one(page, title):
    assert parse_page(page).title == title


def test_a_live_pages_list_of_other_stories_gives_no_date():
    page = ("LIVE UPDATES\n\nRussia-Ukraine war live: North Korea sent 3,000 more troops to Kursk\n\n"
            "Last updated: March 24, 2025, 18:05 Kyiv time\n\n"
            "18:05\nZelensky speaks\n\nPresident Volodymyr Zelensky said in his nightly address that Ukraine's partners "
            "must see the full picture of North Korean involvement in the war.\n\n"
            "16:40\nTalks in Riyadh\n\nUkraine's delegation met US officials in Riyadh on Sunday for technical talks "
            "on a possible ceasefire at sea, officials said.\n\n"
            "More from the Ledger\n- Kremlin names new ambassador to Pyongyang – March 22, 2025\n"
            "- How the 3rd Assault Brigade holds the line near Pokrovsk – March 21, 2025\n")
    assert parse_page(page).published == "2025-03-24"


@pytest.mark.parametrize("stamp", ["June 26, 20253:41 PM GMT+1 Updated 2 hours ago", "26 June 202515:41 GMT"])
def test_a_stamp_scraped_without_a_space_before_the_time(stamp):
    page = (f"Russia keeps 2,500 personnel in Mali as Wagner exits\n\nBy A. Writer\n\n{stamp}\n\n"
            "BAMAKO, June 26 (CP) - Russia has some 2,500 military personnel in Mali, two Malian security sources "
            "told Continental Press.\n\nThe figure suggests the change is one of command.\n")
    assert parse_page(page).published == "2025-06-26"


def test_a_broadcast_transcripts_segment_headline_is_the_title():
    page = ("WNC NEWS\nLIVE TV | US | World | Politics\n\nTRANSCRIPTS\nThe Briefing with Dana Ortiz-Vega\n\n"
            "U.S.: At Least 3,000 North Korean Troops In Russia; Duma Votes On Pact. Aired 2-3p ET\n\n"
            "Aired October 24, 2024 - 14:00   ET\n\nTHIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM.\n\n"
            "[14:00:08]\n\nDANA ORTIZ-VEGA, WNC ANCHOR: Welcome to THE BRIEFING. The White House now says at least "
            "3,000 North Korean soldiers moved to eastern Russia in the first half of October.\n\n"
            "And just hours ago, the State Duma voted to ratify the treaty that Putin and Kim signed in June.\n")
    p = parse_page(page)
    assert p.title == "U.S.: At Least 3,000 North Korean Troops In Russia; Duma Votes On Pact"
    assert p.published == "2024-10-24"


def test_an_about_the_author_block_is_no_part_of_the_story():
    page = ("Brothers in arms: what the alliance has become\n\nDr. Mi-rae Song  |  February 12, 2026  |  9 min read\n\n"
            "North Korea has kept about 11,000 troops in Russia since late 2024, South Korean officials said on "
            "Monday, and more are expected.\n\nThe deployment has changed the alliance.\n\n"
            "About the author: Dr. Mi-rae Song is a senior fellow in the IPES Korea Program. She previously worked "
            "as an analyst at the Ministry of Unification in Seoul. The views expressed are her own.\n")
    p = parse_page(page)
    assert "Unification" not in p.body and "11,000 troops" in p.body


@pytest.mark.parametrize("lines", [
    "By Kilele TV Digital  |  Thu 16 Jan 2025 | 19:42 EAT",
    "Follow us on X and Facebook  |  Download the Kilele TV app",
])
def test_an_outlet_naming_itself_in_a_desk_byline_or_app_link_is_no_entity(lines):
    page = (f"Egypt sends troops to Somalia\n\n{lines}\n\nEgypt will deploy as many as 5,000 troops to Somalia, two "
            "Somali government officials told Kilele TV on Thursday.\n\nCairo has not given a figure.\n\n"
            "Follow us on X  |  Share\n")
    r = extract(page)
    assert "Kilele TV" not in {e["label"] for e in r["entities"]}


def test_a_live_pages_entry_on_another_subject_is_no_part_of_the_story():
    page = ("Africa Live: France hands over its last bases in Senegal\n\nLast updated: Thursday 17 July 2025, 18:05 GMT\n\n"
            "18:05 GMT\nFrance hands over its bases\n\nFrance handed over Camp Geille in Dakar on Thursday, ending the "
            "permanent presence of about 350 French soldiers in Senegal, the French embassy said.\n\n"
            "14:30 GMT\nNigeria's naira firms to 1,530 to the dollar\n\nNigeria's currency has strengthened to 1,530 naira "
            "to the dollar, its best level in six months, the Central Bank of Nigeria said.\n\n"
            "12:55 GMT\nTeranga Lionesses into semi-finals\n\nSenegal's women beat Zambia 2-1 in Casablanca on Wednesday "
            "night to reach the semi-finals.\n")
    p = parse_page(page)
    assert "French soldiers" in p.body
    assert "naira" not in p.body and "Zambia" not in p.body


def test_reporters_and_the_cities_they_file_from_are_a_byline():
    page = ("Russia–North Korea defence pact comes into force\n\nEleanor Whitcombe in Seoul and Tomasz Lewandowski in Kyiv\n\n"
            "A mutual defence treaty between Russia and North Korea came into force on Wednesday, formalising an "
            "alliance that has put thousands of North Korean soldiers on Russian soil.\n\nThe text was published.\n")
    r = extract(page)
    assert not {"Seoul", "Kyiv"} & {e["label"] for e in r["entities"]}
    assert not {"Seoul", "Kyiv"} & {a for e in r["entities"] for a in e["aliases"]}


def test_a_capital_in_a_caption_with_a_direction_is_a_place_of_the_caption_only():
    page = ("N. Korea has sent 5,000 builders to Russia: NIS\n\nBy Kim Soo-bin\n\n"
            "The headquarters of the National Intelligence Service in southern Seoul (Yonhap)\n\n"
            "North Korea has sent some 5,000 military builders to Russia since September, South Korea's spy agency "
            "said Tuesday.\n\nThe builders are working in Kursk, the agency said.\n")
    r = extract(page)
    assert "Seoul" not in {a for e in r["entities"] for a in e["aliases"]} | {e["label"] for e in r["entities"]}


def test_a_caption_credit_after_a_slash_is_no_entity():
    page = ("Egypt sends troops to Somalia\n\nEgyptian soldiers board a military transport plane at an air base east of "
            "Cairo. / Egyptian Ministry of Defence\n\nEgypt has sent about 300 soldiers to Somalia, the army said on "
            "Thursday.\n\nMore will follow.\n")
    assert "Egyptian Ministry of Defence" not in parse_page(page).body


def test_a_broadcasts_break_teaser_goes_and_the_rest_of_the_turn_stays():
    page = ("U.S.: At Least 3,000 North Korean Troops In Russia. Aired 2-3p ET\n\nAired October 24, 2024 - 14:00   ET\n\n"
            "ORTIZ-VEGA: North Korea moved at least 3,000 soldiers into eastern Russia, the White House said.\n\n"
            "ORTIZ-VEGA: Seoul expects more. We have to take a quick break. When we come back, the race in Pennsylvania "
            "and the 19 electoral votes everyone wants. Stay with us.\n")
    body = parse_page(page).body
    assert "Seoul expects more." in body and "Pennsylvania" not in body


def test_a_ministers_media_release_is_titled_by_its_headline_not_its_signatory():
    page = parse_page("Skip to main content\nAustralian Government\nDefence Ministers\nHome | Ministers | Media releases\n\n"
                      "Australian engineers to deploy to Papua New Guinea under the new treaty\n\nMedia release\n"
                      "Monday, 9 March 2026\n\nThe Hon Richard Marles MP\nDeputy Prime Minister\nMinister for Defence\n\n"
                      "Around 150 Australian Defence Force engineers will deploy to Papua New Guinea next month, the "
                      "Deputy Prime Minister announced today. The engineers will rebuild the wharf at Lombrum.\n")
    assert page.title == "Australian engineers to deploy to Papua New Guinea under the new treaty"
    assert page.published == "2026-03-09"


def test_a_broadcast_transcript_is_titled_by_the_line_its_label_heads():
    page = parse_page("ATLANTIC PUBLIC RADIO\nListen live | Programmes | Podcasts | News\n\nThe World at One Today\n\n"
                      "Transcript: US and UK troops for Guyana as border tensions rise\n\n"
                      "Broadcast: Wednesday 11 February 2026, 12:06 GMT | Duration 27 mins\n\n"
                      "PRESENTER: The United States and Britain will send troops to Guyana, officials said today, as "
                      "tensions with Venezuela rise along the border.\n")
    assert page.title == "US and UK troops for Guyana as border tensions rise"
