"""What in an article's text is not the article: character spans of boilerplate, so that chunks leave it out.

The article text is stored as read (citations index into it); cleaning only names spans of it. The
rules come from reading the eval sets' texts (cnn.com, usatoday.com, theweek.co.uk, and the seven
outlets of polnear), where trafilatura has already dropped navigation, menus and footers; what it
keeps, and what feeds and JSON records carry unextracted, is what the rules below catch. Each rule
is named after what it finds, and a span is taken only where the whole of it is the leftover, so that
no sentence of the article is lost. Spans never overlap and come in text order.

1. Lines. Every line of the text is looked at on its own (stripped of surrounding spaces); a line is
   boilerplate as a whole when it is one of:
   - `separator`: no letter or digit at all ("___", "—", "♦", "* * *", a lone CSS brace);
   - `dateline`: a dateline standing alone ("CNN —", "Seoul, South Korea CNN —", "WASHINGTON (AP) —");
   - `timestamp`: "Updated 3:04 PM ET, Fri January 6, 2023", a live blog's "8:25 p.m." or
     "4:40 p.m. update:", a day heading with its year ("Tuesday, July 21, 2020");
   - `credit`: a byline or source line ("– David Jackson", "AP", "Contributing: The Associated
     Press", "CONTRIBUTING Eric Lagatta, USA TODAY", "From USA TODAY Network and wire reports", "From staff and wire reports", "Nolan McCaskill
     contributed.", "© Copyright…", "Compiled by Alia E. Dastagir"), or the line under a byline that says
     whom the reporter writes for ("Special to Salisbury Daily Times", "Democrat staff writer");
   - `caption`: a photo caption, known by the credit it ends with ("… Jens Meyer/AP",
     "… Christopher Pike/Bloomberg/Getty Images/FILE", "Bloomberg via Getty Images.", "… Courtesy
     SpaceX"; an unknown "Name/Organisation" only after a caption sentence and with no final period)
     or by a gallery's controls ("Hide Caption 20 of 266", "In pictures: … Prev Next");
   - `link`: a link to another story or to a player ("More:Florida's skunk ape…", "READ MORE: …",
     "RELATED: …", "Read the rest of the story at …", "Read all our … coverage:", "Watch the ad below:", "Video Ad Feedback …",
     a bare URL);
   - `contact`, `share`: a telephone number alone; "Do you support Donald Trump? Like the page:";
   - `code`: style sheets pasted into the text (".image-wrap {", "width:100%;"); inside any line, the tags of an
     embed a feed left ("<tweet id=… author=… datetime=…>", "</tweet>"), not the words they hold;
   - `label`: a page label that is not prose ("ABSTRACT.", "FULL TEXT.", "UP NEXT", "Story continues
     below video.", and "Advertisement", which issue 13 names though no eval article has it).
2. Sentences inside a line. A line that is not boilerplate as a whole is cut into sentences (at
   ". " before a capital, not after "Dr." or "U.S.", and where a period is fused to a capital:
   "strong.Sign up"), and each is asked:
   - `promo`: the outlet speaking for itself ("Sign up for …", "… newsletter … inbox", "Follow every
     game: …", "Subscribe to …", "Support local journalism …"), unless it is reported speech;
   - `contact`: how to reach the reporter ("Contact X at x@…", "Follow X on Twitter @x",
     "X can be reached at …");
   - `share`: social-share leftovers ("Like the page:", "Share this post…", "Enter your email address:",
     a live blog's "FlagShareLikeReply<name> 5ptsmoderatorFeatured<date>" post header);
   - `credit`: who else reported it ("Mike Snider contributed to this reporting.", "Free Press reporters
     Jasmin Barmore and Kylie Martin contributed.", "(Reporting by David Bailey; Editing by Cynthia Osterman.)");
   - `note`: the page speaking of itself, not of the news ("Editor's Note: This page is a summary of news
     on the Texas Panhandle wildfires for Wednesday, Feb. 28.", "For the latest news on the blaze, view our
     live updates file for Thursday, Feb. 29.", "This story has been updated with additional details.",
     "This article originally appeared in …", "The opinions expressed in this commentary are …").
   Beside such a sentence, the reporter's biography ("Kyle Werner is a reporter for the Register.")
   and a short question leading into it ("Got a tip?", "Want more?") go with it. A line all of whose
   sentences are boilerplate, or a short one that opens with a promotion, is one span; otherwise only
   those sentences are: a prose paragraph that ends on "Share this post with them…" keeps its prose.
3. Kickers. USA TODAY pages fuse a kicker to the text after it with no space ("Meta
   layoffs:Facebook parent company to lay off…", "LATEST UPDATES:Bills' Damar Hamlin remains…",
   "Topeka:Union members…" in the 50-states roundup); spaced all-caps kickers of live coverage
   ("LATEST VISUAL EXPLANATIONS: …", "LIVE UPDATES: …") are kickers too. Where the text after the
   kicker reads as a headline (no final period: 79% of them in the eval sets) the line is a link to
   another story, and a `link` span as a whole, as it is when the kicker names one ("More:",
   "Related:", "Read more:", "STORY:"). Where it is prose ("Topeka:Union members … union officials
   said."), the kicker up to and with its colon is a `kicker` span and the prose stays. Not kickers:
   a speaker's label before a quotation ('Rep. Trey Gowdy (R-S.C.):"I have…'), a field and its
   value ("Where to see it:Hulu.", "Winner:Fifty Shades Darker"), a clock time, a URL.
4. Byline blocks. A reporter's name on its own line above the outlet's ("Brian Truitt" / "USA TODAY",
   "Roger Hillis" / "Special to Salisbury Daily Times") is a `credit` with it.

Left as prose on purpose (read in the survey and found to be article text): transcript labels
("TAPPER:", "Taylor Wilson:"), fact-check verdicts ("Our rating: False"), section headings of lists
("TELEVISION", "Alabama"), corrections and clarifications, which state facts ("An earlier version of this story
misstated … It was 1969.", "This story has been updated to clarify that rallies will occur at airports"), editor's
notes that are news ("Editor's note: Out of respect to the pilot's family, the Pensacola News Journal will not release
the name…"), datelines fused to the first sentence
("DALLAS (AP) — Democratic…", which is how the story begins), and dates heading a timeline entry.

`boilerplate_spans` gives the spans; `labelled_spans` gives them with the rule that found each (for
figures); `is_boilerplate` tells an answerer whether a sentence is boilerplate through and through.
"""

from __future__ import annotations

import re

__all__ = ["RULES", "boilerplate_spans", "is_boilerplate", "labelled_spans"]

RULES = (
    "separator",
    "dateline",
    "timestamp",
    "caption",
    "credit",
    "link",
    "code",
    "label",
    "promo",
    "contact",
    "share",
    "kicker",
    "note",
)

# --- building blocks -------------------------------------------------------------------------------

_WORD = r"[A-Z@][\w.'’&\-]*"  # a capitalised word of a name or an organisation ("O'Neil", "AFP", "@alexis.rosenfeld")
_PARTICLE = r"(?:de|da|do|dos|van|von|der|den|la|le|del|al|el|bin|ibn|y)"
_NAME = rf"{_WORD}(?: (?:{_WORD}|{_PARTICLE})){{0,5}}"
_ORG = rf"(?:{_WORD}|picture alliance)(?: (?:{_WORD}|{_PARTICLE}|via)){{0,5}}"
# Who photo credits name last: agencies, pools, broadcasters, platforms ("… Jens Meyer/AP", "… Keith Bernstein/Netflix").
_AGENCY = (
    r"(?:(?:\w+ via )?Getty Images(?: [A-Z]\w+)*|GETTY IMAGES|AP|AP Photo|Associated Press|Reuters|REUTERS|AFP|EPA|EPA-EFE|"
    r"Shutterstock|Bloomberg|Pool|FILE|File|Handout|Redux|Newscom|ZUMA Press|Sipa USA|Xinhua|TASS|Anadolu Agency|"
    r"SOPA Images|NurPhoto|LightRocket|WireImage|FilmMagic|iStockphoto|Alamy|USA TODAY|USA Today|USA Today Network|"
    r"USA TODAY Sports|CNN|NASA|ESA|Netflix|HBO|HBO Max|Hulu|ABC|NBC|CBS|FOX|Fox|PBS|BBC|Apple TV\+|Disney\+|"
    r"Twitter|X|Facebook|Instagram|TikTok|YouTube|LinkedIn|HuffPost|The New York Times|The Washington Post|Washington Post)"
)
# "Jens Meyer/AP", "Christopher Pike/Bloomberg/Getty Images/FILE", "KARIM JAAFAR/AFP/AFP via Getty Images", "Carlos Barria / Reuters"
_AGENCY_CREDIT = rf"(?:{_NAME} ?/ ?)?(?:{_ORG} ?/ ?)*{_AGENCY}(?:/FILE)?"
_SLASH_CREDIT = rf"{_NAME}(?: ?/ ?{_ORG})+"  # any "Name/Organisation": only after a caption, never with a final period
_VIA = rf"(?:{_NAME} )?via (?:Getty Images|AP|Reuters|AFP)"
_COURTESY = r"(?:From |Photo )?(?:Courtesy|COURTESY)(?: of)? [A-Z@][\w.'’&\-]*(?: [\w.'’&\-]+){0,6}"
_PHOTO_BY = r"\(?(?:Photo|Image)s? (?:by|courtesy(?: of)?|credit):? "
_KNOWN_CREDIT = re.compile(rf"(?:{_PHOTO_BY})?\(?(?:{_AGENCY_CREDIT}|{_VIA}|{_COURTESY})\)?\.?(?: \(?{_AGENCY_CREDIT}\)?)?")
_ANY_CREDIT = re.compile(rf"(?:From )?\(?{_SLASH_CREDIT}\)?(?: \(?{_SLASH_CREDIT}\)?)?")
_CAPTION_END = re.compile(
    r"[.!?][”\"’)]?(?=\s)|(?<=[a-z])\.(?=[A-Z])|\s(?=\((?:Image|Photo)s? (?:credit|by)\b)"
)  # where a caption sentence may end before its credit
_GALLERY = re.compile(r".*\b(?:Hide Caption \d+ of \d+|Prev Next)|(?:CNN|CNN Weather|Getty Images|Shutterstock|iStockphoto)")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?"
_CLOCK = r"\d{1,2}(?::\d\d)?\s?(?:[ap]\.?m\.?|[AP]\.?M\.?)"
_ZONE = r"(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|BST)"
_DATE = rf"(?:{_WEEKDAY},? )?{_MONTH} \d{{1,2}},? \d{{4}}"

# Words that make a kicker a link to another story ("More:…", "RELATED: …", "READ MORE:…").
_LINK_WORDS = (
    r"(?:more|related|read more|read|also read|read the (?:whole|full|rest of the) (?:story|article)(?: here)?|previous (?:story|coverage)|see also|see more|story|more stories|more coverage|video|videos|photos|"
    r"gallery|interactive|watch|listen|previously|dig deeper|also on [\w.]+|more (?:from|on|in) [^:]{1,40}|"
    r"more [\w ]{1,30} (?:news|coverage|stories) from [^:]{1,30}|[\w ]{0,30}central)"
)
# Words of a spaced all-caps kicker of live coverage ("LATEST VISUAL EXPLANATIONS: …", "LIVE UPDATES: …").
_LIVE_KICKER = r"[A-Z0-9’'&\-, ]*\b(?:LATEST|UPDATES?|LIVE|TRENDING|EXPLAINER|GRAPHICS?|INTERACTIVE|BREAKING)\b[A-Z0-9’'&\-, ]*"

# The line under a reporter's name that says whom they write for: "Special to Salisbury Daily Times", "Democrat staff
# writer", "DELMARVANOW STAFF WRITER AND CORRESPONDENT", "Staff Writer".
_BYLINE_TITLE = (
    r"(?:Special|SPECIAL) (?:to|To|TO) [A-Z][\w.'’&\-]*(?: (?:[A-Z][\w.'’&\-]*|and|of|the)){0,7}"
    r"|(?:[A-Z][\w.'’&\-]* ){0,3}(?i:staff (?:writer|reporter)|correspondent)(?i: and (?:correspondent|staff writer))?"
)

# A dateline: "CNN —", "Seoul, South Korea CNN —", "WASHINGTON (AP) —" (a line of its own, or the start of a story's
# first sentence, which `ingest.attribution` keeps out of the words it attributes)
DATELINE = re.compile(
    r"(?:[A-Z][\w.'’\-]*(?:,? [A-Z][\w.'’\-]*){0,5} )?CNN(?: Business| Sport| Style)?\s*[—–-]+"
    r"|[A-Z][A-Z.'’\- ,]{1,40}(?: \((?:AP|Reuters|AFP|CNN|UPI)\))?\s*[—–]+"
)

# --- line rules: (rule, pattern matched against the whole stripped line) --------------------------

_LINE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("separator", re.compile(r"[\W_]+")),
    ("dateline", DATELINE),
    (
        "timestamp",
        re.compile(
            rf"(?:(?:Updated|Published|Posted|Last updated|Originally published)\b[^.\n]{{0,10}}"
            rf"(?:{_CLOCK}|{_DATE}|\d{{1,2}}:\d\d)[^\n]{{0,50}}?)"
            rf"|{_CLOCK}(?: {_ZONE})?(?: (?:update|ET update|EST update))?:?"
            rf"|{_DATE}\.?(?:,? (?:at )?{_CLOCK}(?: {_ZONE})?)?",
            re.IGNORECASE,
        ),
    ),
    (
        "credit",
        re.compile(
            r"(?:[–—-]{1,2}|By) ?[A-Z][\w'’\-]*(?: (?:[A-Z][\w.'’\-]*[\w'’]|[A-Z]\.|de|van|von|del|la)){0,3}(?:,? (?:USA TODAY|AP|CNN|Reuters))?"
            r"|(?:The )?(?:AP|Associated Press|USA TODAY|Reuters|AFP|UPI|Agence France-Presse|Bloomberg)\.?"
            # "Contributing: …", "CONTRIBUTING Eric Lagatta, USA TODAY"; not the prose "Contributing to the problem …"
            r"|(?:[(–—-]{1,2} ?)?(?:Contributing|CONTRIBUTING|Contributors?|Contributing writers?|Contributing reporters?)"
            r"(?::| by [A-Z]| (?=[A-Z])).*"
            r"|From (?:the )?[A-Z].{0,60} (?:wire reports|news services)\.?|(?:From )?(?:[Ss]taff|STAFF) and wire reports\.?"
            rf"|{_BYLINE_TITLE}"
            r"|Compiled by [A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){1,4}\.?(?: Contributing:.*)?"
            r"|(?:©|Copyright\b).{0,120}"
            r"|BYLINE:.{0,80}"
            r"|[^.!?\n]{3,120}\bcontributed (?:to )?(?:this (?:report|story|article|reporting|section)|reporting)\b[^.!?\n]{0,60}[.)]{0,2}"
            r"|[A-Z][\w.'’\-]*(?:,? (?:[A-Z][\w.'’\-]*|and|in|of|the|also)){1,15},? contributed\."  # "Nolan McCaskill contributed."
            r"|[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){1,3}, @\w+, [A-Z][A-Za-z ]+",
        ),
    ),
    (
        "link",
        re.compile(
            rf"[►•▶»>\s]*(?:{_LINK_WORDS})\s*(?:>>>?)?:.*"
            r"|(?:Read|Click|Watch|Listen to|See|View|Check out)\b.{0,100}\b(?:below|above|here)\b[\W]*"
            r"|Read the rest of (?:the|this) (?:story|article)\b.{0,60}"
            # a heading over links to the outlet's other stories: "Read all our King Charles III coronation coverage:"
            r"|(?:Read|More|Previous|Past|Live|Latest|Full|Related|Welcome to)\s+(?:[\w’'.\-]+\s+){0,7}coverage:"
            r"|(?:More )?AP [\w ]{1,40}: https?://.*"
            r"|Video Ad Feedback\b.*|.*\b\d\d:\d\d - Source: [A-Z][\w ]{1,30}"
            r"|\S*https?://\S+",
            re.IGNORECASE,
        ),
    ),
    ("contact", re.compile(r"\(?\d{3}\)?[-. ]\d{3}-\d{4}")),  # a reporter's telephone number alone
    ("share", re.compile(r"[^.!]{0,60}\? Like (?:the|our) page:|FlagShareLikeReplyShow More Posts\.?")),
    (
        "code",  # style sheets and markup pasted into the text: ".image-wrap {", "width:100%;", "}"
        re.compile(r"[.#]?[\w\-]+(?:[ ,]+[.#]?[\w\-]+)*\s*\{|[\w\-]+\s*:\s*[^;\n]{1,60};\.?|\}\.?"),
    ),
    (
        "label",
        re.compile(
            r"ABSTRACT\.?|FULL TEXT\.?|UP NEXT|ADVERTISEMENT|Advertisement|(?:STORY|Story) (?:CONTINUES|continues) (?:BELOW|below)\b.{0,20}"
            r"|LATEST (?:NEWS|WEATHER UPDATES|UPDATES)|GET LIVE UPDATES|FOLLOW [A-Z ]{0,30}LIVE UPDATES(?: >>>?)?|LISTEN TO OUR PODCAST"
            r"|MORE FROM [A-Z .]{1,40}:?|ARCHIVE GALLERIES",
        ),
    ),
]

# Rules asked of each sentence of a line (step 2), and of a line as a whole before them.
_KICKED = r"^\W{0,3}(?-i:[A-Z][A-Z0-9’'&\- ]{2,40}: ?)?"  # a sentence's start, after an all-caps kicker if any
_PROMO = re.compile(
    _KICKED + r"(?:Sign up\b|Signing up\b|Subscribe\b|Get (?:the|our|'[\w ]+'|“[\w ]+”) [\w ’'“”]{0,40}in your inbox"
    r"|Never miss a (?:story|moment)|Support local journalism|This coverage is only possible"
    r"|Follow every game:|Prep for the polls:|Stay in the conversation|Download the [\w ]{1,30} app"
    r"|Get (?:deals|alerts|the latest)\b[\w ,]{0,60}(?:delivered|straight to|sent to)|Get the latest (?:news|updates)\b"
    r"|Want more updates from|Start the day smarter|A version of this story (?:first )?appeared in"
    r"|Escape your echo chamber|Get the facts behind the news|From our morning news briefing|Become a subscriber\b)"
    r"|\b(?:sign up|signing up|subscribe|subscribing)\b[^.!?]{0,60}\b(?:newsletters?|inbox|podcast|text message alerts)\b"
    r"|\b(?:sign up|subscribe) (?:here|now|today|for free)\b|\bsubscribe to [\w’'. ]{1,40} (?:today|now|here)\b"
    r"|\bnewsletters?\b[^.!?]{0,80}\b(?:sign up|subscribe|inbox)\b"
    r"|^[\w ]{1,40}, in your inbox\W*$|\b(?:delivered|sent|straight|directly|right) (?:\w+ )?(?:to|in|into) your inbox\b"
    r"|^\W{0,3}(?-i:STAY UP-TO-DATE|NEWSLETTER|[A-Z ]{0,30}NEWSLETTER|USA TODAY TELEGRAM|SUBSCRIBE & SAVE)\b",
    re.IGNORECASE,
)
# Reported speech is the article's, whatever it says ('Sign up at phish.com/update," Phish announced').
_SPEECH = re.compile(
    r"[,.!?][\"”’] (?:he|she|they|it|[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*)*) (?:said|says|announced|wrote|posted|tweeted|added)\b"
)
_CONTACT = re.compile(
    r"^\W{0,3}(?:Contact|Reach|Email|E-mail|Follow|You can reach|Story ideas|Have a (?:news )?tip)\b(?! information)[^.!?]{0,80}"
    r"(?:@|\bat \(?\d{3}|\bon (?:Twitter|X|Instagram|Facebook|Threads|Bluesky)\b)"
    r"|\b(?:can|may) be reached (?:at|by|on|via)\b"
    r"|^\W{0,3}(?:Follow|Reach) (?:him|her|them|me|us|the author|@)"
    r"|^\W{0,3}Follow @\w+|^\W{0,3}(?:On|Follow \w+ on) (?:Twitter|X|Instagram|Facebook|TikTok|Threads)\b[^.!?]{0,40}@\w+"
    r"|^[^.!?]{0,80}\bon (?:Twitter|X|Instagram|Facebook|TikTok|Threads)\W{0,3}@\w+\W*$"
    r"|^\W{0,3}Have (?:a|an) (?:story )?(?:idea|tip)\b[^.!?]{0,100}\?$"
    r"|^\W{0,3}Email: \S+@",
)
_SHARE = re.compile(
    r"\bLike (?:the|our) page:|^\W{0,3}Like (?:our|the) (?:page|Facebook page) to\b|^\W{0,3}Share this\b|^\W{0,3}Enter your email address:"
)
_BIO = re.compile(
    r"^[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){0,3} (?:covers|writes about|reports on)\b|"
    r"^[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){0,3} (?:is|was)\b[^.!?]{0,120}"
    r"\b(?:reporter|writer|editor|correspondent|columnist|co-host|host|producer|journalist|intern|fellow)\b"
)
# A live blog's post header inside a line: "FlagShareLikeReplyPaige Lavender 5ptsmoderatorFeaturedFebruary 6, 2016 8:52PM".
_POST_HEADER = re.compile(
    rf"FlagShareLikeReply(?:[A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*){{0,3}} \d+pts(?:moderator)?(?:Featured)?{_MONTH} \d{{1,2}}, \d{{4}} "
    r"\d{1,2}:\d\d ?[AP]M)?"
)
# A reporter's beat on its own, with no contact after it in the passage: "Stephen Gruber-Miller covers the Iowa
# Statehouse and politics for the Register." / "Eric Lagatta covers breaking and trending news for USA TODAY."
_BEAT = re.compile(
    r"^[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){1,3} (?:covers|writes about|reports on) [^.!?\"“”]{3,150}"
    r"\b(?:for|at) (?:the )?[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,4}\.?$"
)
# Who else reported the story, as a sentence of its own: "Mike Snider contributed to this reporting.", "Jason Frakes,
# C.L. Brown and Olivia Evans contributed to this report.", "Free Press reporters Jasmin Barmore and Kylie Martin
# contributed.", "(Reporting by David Bailey; Editing by Cynthia Osterman.)", "This story includes reporting by the
# Associated Press."
_AP_NAME = r"[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){1,3}"
_AP_PLACE = r"[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,2}"
_CREDIT_SENTENCE = re.compile(
    r"^\W{0,3}.{3,250}?\bcontributed (?:to )?(?:this (?:report|story|article|reporting|section|post)|reporting)\b[^.!?]{0,60}[.)]{0,2}$"
    r"|^\W{0,3}[^.!?]{0,150}\b(?:[Rr]eporters?|[Ww]riters?|[Jj]ournalists?|[Cc]orrespondents?|[Vv]ideographers?|[Pp]hotographers?)\b"
    r".{3,200}? (?:also )?contributed(?: to this)?\.$"
    r"|^\W{0,3}[A-Z][\w.'’\-]*(?:,? (?:[A-Z][\w.'’\-]*|and|of|the)){1,15},? (?:also )?contributed\.$"
    # the AP's "Jill Lawless in London, Yuras Karmanau in Kyiv and Ellen Knickmeyer in Washington contributed."
    rf"|^(?:{_AP_NAME} in {_AP_PLACE}(?:,? and |, )){{1,8}}{_AP_NAME} in {_AP_PLACE},? (?:also )?contributed\.$"
    r"|^\(?(?:[Aa]dditional )?[Rr]eporting by [A-Z][^()]{0,300}; (?:[Aa]dditional reporting|[Ww]riting|[Ee]diting) by [^()]{3,300}\)?\.?\)?$"
    r"|^(?:\(|--|[–—] ?)(?:[Aa]dditional )?[Rr]eporting by [A-Z][^.!?()]{0,200}\.?\)?\.?$"
    r"|^\W{0,3}(?:This|The) (?:story|article|report) (?:includes|contains) (?:additional )?reporting (?:by|from)\b[^.!?]{0,80}\.?$"
)
# The page speaking of itself (an editor's note, an update line, where a story first ran), not of the news:
# "Editor's Note: This page is a summary of news on the Texas Panhandle wildfires for Wednesday, Feb. 28.", "For the
# latest news on the blaze, view our live updates file for Thursday, Feb. 29.", "This story has been updated with
# additional details.", "This article originally appeared on …". Corrections are left alone: they state facts ("An
# earlier version of this story misstated … It was 1969."), and so does an update that says what it changed ("This
# story has been updated to clarify that rallies will occur at airports").
_NOTE_LABEL = (
    r"^\W{0,3}(?:(?:Editors?['’]?s? [Nn]ote|EDITOR['’]?S NOTE|Note|NOTE|Update|UPDATE|Clarification|CLARIFICATION)\s*:\s*)?"
)
_NOTE = re.compile(
    _NOTE_LABEL + r"(?:"
    r"(?:This|The) (?:story|article|page|post|list)(?: and (?:its )?headlines?)? (?:has been|have been|was|is) updated"
    r"(?: (?:with|following|throughout|for clarity|on|in)\b[^.!?]*)?(?: [A-Z][a-z]+ \d{1,2})?\.?$"
    r"|(?:This|The) (?:story|article|page|post) will be updated\.?$"
    r"|(?:This|The) page (?:is (?:a summary|the news|a recap)|recaps|was last updated)\b"
    r"|(?:This|The) (?:story|article|editorial|column|piece|post|essay|report|series)\b[^.!?]{0,60}\b(?:originally|first) (?:appeared|ran|published|was published|posted)\b"
    r"|(?:This|The) (?:story|article|editorial|column|piece|post|essay) (?:is|was|has been) (?:republished|excerpted|adapted|reprinted|"
    r"written for|produced with|originally|part of|from (?:[A-Z][a-z]+ )?\d{4}\b|a condensed)"
    r"|(?:A|An earlier|A previous|A prior) version of this (?:story|article|column|report) (?:first )?(?:appeared|ran|was published)\b"
    r"|For (?:the latest|updated)\b[^.!?]{0,150}\b(?:view|see|visit|follow|check|click|read|go to)\b[^.!?]{0,100}\b(?:live updates?|updates|live coverage|coverage|file)\b"
    r"|(?:Follow|Click) here (?:for|to follow) the latest\b"
    r"|The (?:views|opinions) expressed in this (?:commentary|column|article|piece|essay) are\b"
    r"|[^.!?]{0,80}\bat the time (?:this|the) (?:article|story) was published\b"
    r")"
    r"|^\W{0,3}(?:Editor['’]?s [Nn]ote|EDITOR['’]?S NOTE): [A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){0,3} (?:is|was)\b[^.!?]{0,120}"
    r"\b(?:reporter|writer|editor|correspondent|columnist|journalist|author|contributor|analyst)\b"  # the columnist's biography
)
_SENTENCE_RULES = (
    ("promo", _PROMO),
    ("contact", _CONTACT),
    ("share", _SHARE),
    ("contact", _BEAT),
    ("credit", _CREDIT_SENTENCE),
    ("note", _NOTE),
)
# Words one of which every sentence the rules above find contains (lower case): a line without any is not asked.
_SENTENCE_HINTS = (
    "sign", "subscri", "inbox", "newsletter", "journalism", "coverage is only", "follow", "prep for", "stay in", "download",
    "deals", "alerts", "the latest", "want more", "start the day", "version of this", "miss a", "@", "reach", "contact",
    "mail", "idea", "tip", "page:", "flagshare", "share", "enter your", "facebook", "twitter", "telegram", "stay up",
    " covers ", "writes about", "reports on", "contributed", "reporting by", "this story", "this article", "this page",
    "the page", "the story", "the article", "editor", "note:", "update", "version of this", "originally", "first appeared",
    "first ran", "first published", "this editorial", "this column", "this post", "this list", "this essay", "this piece",
    "the latest", "expressed in this",
)  # fmt: skip
# The last word of a line that ends with a credit (see _AGENCY); a line ending otherwise needs a sign of one ("/", "Courtesy").
_CREDIT_LAST_WORDS = frozenset(
    "Images IMAGES AP Photo Press Reuters REUTERS AFP EPA EPA-EFE Shutterstock Bloomberg Pool FILE File Handout Redux "
    "Newscom USA Xinhua TASS Agency NurPhoto LightRocket WireImage FilmMagic iStockphoto Alamy TODAY Today "
    "Network Sports CNN NASA ESA Netflix HBO Max Hulu ABC NBC CBS FOX Fox PBS BBC TV+ Disney+ Studios Twitter X Facebook "
    "Instagram TikTok YouTube LinkedIn HuffPost Times Post Weather".split()
)

_ABBREVIATIONS = frozenset(
    "Dr Mr Mrs Ms Mx St Jr Sr Gov Sen Rep Gen Lt Col Sgt Capt Cmdr Adm Prof Rev Hon Pres No vs Inc Co Corp Ltd Mt Ft "
    "Jan Feb Mar Apr Aug Sept Sep Oct Nov Dec".split()
)
# A sentence border inside a line: ". " before a capital (or an opening quote), or a period fused to a capital.
# an HTML or XML tag of an embed a feed left in the text (polnear's Breitbart pages carry 123 "<tweet …>")
_MARKUP = re.compile(r"</?(?:tweet|a|div|span|p|blockquote|img|iframe|script|figure|br)\b[^<>\n]{0,500}>", re.IGNORECASE)
_SENTENCE_BORDER = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z@])|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")

# Step 3: a kicker fused to its link text ("Meta layoffs:Facebook"), at the start of a line.
# a kicker may end in a digit when a word follows ("Taylor Swift 101:From poetry…"), never before one ("10:30")
_KICKER = re.compile(
    r"[►•▶»\s]*(?P<kicker>(?![\"“])[^\s:][^:\n]{0,78}?(?:[^\s:(),\d]|\d(?=:[A-Z][a-z]))|[^\s:\d\"“])"
    r":(?P<next>[A-Z'‘’$0-9¿¡])"
)
_OUTLET = re.compile(r"(?:The )?(?:AP|Associated Press|USA TODAY|USA TODAY Network|Reuters)")
_BYLINE_UNDER = re.compile(_BYLINE_TITLE)
_BYLINE_NAME = re.compile(r"[A-Z][\w.'’\-]*(?:,? (?:and )?[A-Z][\w.'’\-]*){1,5}|Editors|Staff")
_SENTENCE_ENDS = re.compile(r"[.!?][\"”’')]*$")  # a line that ends as prose; a headline (link text) does not
_FIELD = re.compile(
    r"Where to \w+(?: it)?|Winner|Winners|When|Where|Cost|Tickets|Price|TV|More information|Info|Address|Hours", re.I
)
_SPACED_KICKER = re.compile(rf"[►•▶»\s]*(?P<kicker>{_LIVE_KICKER}): (?=[\"“'‘A-Z0-9$])")
_LINK_KICKER = re.compile(rf"(?:{_LINK_WORDS})\s*", re.IGNORECASE)


def _is_caption(line: str) -> bool:
    """A photo caption: its credit ends the line, or the line is a gallery's."""
    if _GALLERY.fullmatch(line):
        return True
    tail = line[-160:]
    last_word = tail.rsplit(None, 1)[-1].strip(".)")
    if last_word not in _CREDIT_LAST_WORDS and "/" not in tail and "Courtesy" not in tail and "COURTESY" not in tail:
        return False
    starts = [0] + [m.end() for m in _CAPTION_END.finditer(line, max(0, len(line) - 160))]
    for start in starts:
        tail = line[start:].strip()
        if not tail:
            continue
        if _KNOWN_CREDIT.fullmatch(tail):
            return True
        # An unknown "Name/Organisation" is a credit only after a caption sentence, and has no final period
        # (prose: "… worked for U.S. West/Qwest Communications."; headings: "Lewes/Rehoboth Beach").
        if start and not tail.endswith(".") and len(line[:start].split()) >= 3 and _ANY_CREDIT.fullmatch(tail):
            return True
    return False


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of `text` that are not article prose, in order and never overlapping."""
    return [(start, end) for start, end, _ in labelled_spans(text)]


def is_boilerplate(sentence: str) -> bool:
    """Whether a sentence is boilerplate through and through (a caption, a credit, a promotion…), so
    an answer must not cite it. A sentence that only begins with a kicker ("Meta layoffs:Facebook…")
    is not: the rest of it is text."""
    if not sentence.strip():
        return False
    covered = 0
    for start, end in boilerplate_spans(sentence):
        covered += sum(1 for ch in sentence[start:end] if not ch.isspace())
    return covered == sum(1 for ch in sentence if not ch.isspace())


def labelled_spans(text: str) -> list[tuple[int, int, str]]:
    """`boilerplate_spans` with the rule that found each span (one of `RULES`)."""
    spans: list[tuple[int, int, str]] = []
    previous: tuple[int, int, bool] | None = None  # the last line with text: its span, and whether it was kept
    for line in re.finditer(r"[^\n]+", text):
        start = line.start() + len(line.group()) - len(line.group().lstrip())
        end = line.end() - (len(line.group()) - len(line.group().rstrip()))
        if start < end:
            found = _line_spans(text[start:end], start)
            # A byline block: the reporter's name on its own line above the outlet's ("Brian Truitt" / "USA TODAY").
            if (
                previous
                and previous[2]
                and (_OUTLET.fullmatch(text[start:end]) or _BYLINE_UNDER.fullmatch(text[start:end]))
                and _BYLINE_NAME.fullmatch(text[previous[0] : previous[1]])
            ):
                spans.append((previous[0], previous[1], "credit"))
            spans.extend(found)
            # markup left in the text ("<tweet id=… author=\"@MissDBunker\" datetime=…>", "</tweet>"): the tags, not
            # what they hold, which is the embedded post's words
            spans.extend((m.start(), m.end(), "code") for m in _MARKUP.finditer(text, start, end))
            previous = (start, end, not found)
    merged: list[tuple[int, int, str]] = []
    for span in sorted(spans):
        if merged and span[0] < merged[-1][1]:  # overlapping rules' spans: one span, named by the first
            merged[-1] = (merged[-1][0], max(merged[-1][1], span[1]), merged[-1][2])
        else:
            merged.append(span)
    return merged


def _line_spans(line: str, offset: int) -> list[tuple[int, int, str]]:
    """The boilerplate spans of one stripped line (`offset`: where it starts in the text)."""
    rule = _line_rule(line)
    if rule:
        return [(offset, offset + len(line), rule)]
    start = 0
    found: list[tuple[int, int, str]] = []
    if "FlagShare" in line:
        found += [(offset + m.start(), offset + m.end(), "share") for m in _POST_HEADER.finditer(line)]
    kicker_end = _kicker_end(line)
    if kicker_end is not None:
        if _LINK_KICKER.fullmatch(line[:kicker_end].strip(" ►•▶»:")) or not _SENTENCE_ENDS.search(line):
            return [(offset, offset + len(line), "link")]
        start = kicker_end
        found.append((offset, offset + kicker_end, "kicker"))
    # Step 2 on what is left of the line: "NFL newsletter:Sign up now…" is a promotion as a whole.
    rest = line[start:]
    if not _hinted(rest):
        return found
    sentences = [(s, e, _sentence_rule(rest[s:e])) for s, e in _split_sentences(rest)]
    if not any(rule for _, _, rule in sentences):
        return found
    # Beside a promotion or a contact, the reporter's biography is one too ("Medora Lee is a … reporter at USA TODAY."),
    # and so is the short question that leads into it ("Got a tip? Contact…", "Want more? Sign up…").
    sentences = [(s, e, rule or ("contact" if _BIO.search(rest[s:e]) else None)) for s, e, rule in sentences]
    for i in range(len(sentences) - 2, -1, -1):
        s, e, rule = sentences[i]
        if not rule and sentences[i + 1][2] and rest[s:e].rstrip().endswith("?") and len(rest[s:e].split()) <= 8:
            sentences[i] = (s, e, sentences[i + 1][2])
    # A short line that opens with a promotion is one ("Sign up for CNN's Wonder Theory science newsletter. Explore
    # the universe with…"); so is a line of nothing else. A paragraph is not a promotion for mentioning one.
    if len(rest) <= 400 and (all(rule for _, _, rule in sentences) or (sentences[0][2] == "promo" and len(rest) <= 300)):
        return [(offset, offset + len(line), sentences[0][2])]
    return found + [(offset + start + s, offset + start + e, rule) for s, e, rule in sentences if rule]


def _line_rule(line: str) -> str | None:
    """The rule by which a line is boilerplate as a whole (step 1), if any."""
    for rule, pattern in _LINE_RULES:
        if rule == "code" and not ("{" in line or "}" in line or ";" in line):
            continue
        if pattern.fullmatch(line):
            return rule
        if rule == "credit" and _is_caption(line):
            return "caption"
    return None


def _kicker_end(line: str) -> int | None:
    """Where a kicker fused to the link text ends (after its colon), if the line begins with one."""
    match = _KICKER.match(line)
    if match:
        kicker = match.group("kicker")
        words = kicker.split()
        sentence_inside = re.search(r"[.!?]\s", kicker)
        # A field and its value is not a kicker and a link: "Where to see it:Hulu.", "Winner:Fifty Shades Darker".
        field = len(line[match.end("kicker") + 1 :].split()) <= 2 or _FIELD.fullmatch(kicker)
        if len(words) <= 12 and not sentence_inside and not field and not re.search(r"https?$|www$", kicker):
            return match.end("kicker") + 1
    match = _SPACED_KICKER.match(line)
    if match and len(match.group("kicker").split()) <= 8:
        return match.end()
    return None


def _split_sentences(line: str) -> list[tuple[int, int]]:
    """Sentences of a line, roughly: enough to tell a promotion from the prose beside it."""
    spans, start = [], 0
    for border in _SENTENCE_BORDER.finditer(line):
        word_before = line[: border.start()].rsplit(None, 1)[-1].lstrip("(\"“‘'")
        if word_before.rstrip(".") in _ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)+", word_before):
            continue  # "Dr. Sanjay Gupta", "U.S. West", "Frederic J. Brown"
        # a closing quote or bracket after the period ends the sentence too: '… Got Left Behind.” Follow her…'
        spans.append((start, border.start() + len(border.group()) - len(border.group().lstrip('"”’)'))))
        start = border.end()
    spans.append((start, len(line)))
    return [(s, e) for s, e in spans if line[s:e].strip()]


def _sentence_rule(sentence: str) -> str | None:
    if _hinted(sentence) and not _SPEECH.search(sentence):
        for rule, pattern in _SENTENCE_RULES:
            if pattern.search(sentence):
                return rule
    return None


def _hinted(text: str) -> bool:
    lowered = text.lower()
    return any(hint in lowered for hint in _SENTENCE_HINTS)
