/*
 * test_extract.c - the extraction rules, one sentence at a time.
 *
 * Each case is a short article written for this test, the relations it
 * must produce ("Subject TYPE Object", by the actors' labels) and the ones
 * it must not.  The gold evaluation (t_eval_gold.sh) measures the rules in
 * bulk on real articles; these cases pin what each rule is for and, as
 * important, where it must stay silent, so a change that breaks one shows
 * up here by name.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "lexicon.h"
#include "model.h"
#include "ng.h"
#include "pipeline.h"
#include "utf8.h"

static ng_lexicon lex;

typedef struct xcase {
    const char *name;
    const char *text;
    const char *date;           /* or NULL */
    const char *const *want;    /* NULL-terminated "Subject TYPE Object" */
    const char *const *forbid;
} xcase;

#define L(...) ((const char *const[]){__VA_ARGS__, NULL})
#define NONE ((const char *const[]){NULL})

static const xcase CASES[] = {
    /* in-house titles take the organisation the text is about */
    {"bare title, organisation in the previous sentence",
     "Charity Report\n\nOxfam questioned the decision on Monday. \"We want answers,\" said director Jane Smith.",
     NULL, L("Jane Smith AFFILIATED_WITH Oxfam"), NONE},
    {"bare title, two organisations: no guess",
     "Charity Report\n\nOxfam and Amnesty International questioned the decision. \"We want answers,\" said "
     "director Jane Smith.",
     NULL, NONE, L("Jane Smith AFFILIATED_WITH Oxfam", "Jane Smith AFFILIATED_WITH Amnesty International")},
    {"modified title is not bare",
     "Charity Report\n\nOxfam questioned the decision. Band Aid founder Bob Geldof said the plan was late.", NULL,
     NONE, L("Bob Geldof AFFILIATED_WITH Oxfam")},
    /* apposition with a descriptive organisation noun */
    {"director of the charity X",
     "Charity Report\n\nJane Smith, director of the charity Oxfam, said the report was late.", NULL,
     L("Jane Smith AFFILIATED_WITH Oxfam"), NONE},
    {"relative clause giving the title",
     "Party\n\nDamien Hockney, who is now the Countryside Alliance's deputy leader, spoke on Monday. Tom Jones, "
     "who was a director of Oxfam, spoke too.",
     NULL, L("Damien Hockney AFFILIATED_WITH Countryside Alliance", "Tom Jones AFFILIATED_WITH Oxfam"), NONE},
    {"title by a verb of being",
     "Career\n\nDavid Miliband became secretary of the Commission on Social Justice. Ed Miliband is a special "
     "adviser to Chancellor Gordon Brown.",
     NULL,
     L("David Miliband AFFILIATED_WITH Commission on Social Justice", "Ed Miliband AFFILIATED_WITH Gordon Brown"),
     NONE},
    {"a verb of being with a pronoun subject, or a possessive after the person",
     "Career\n\nDavid Miliband spoke on Monday. He then became secretary of the Commission on Social Justice. "
     "Amitai Etzioni was a senior adviser to President Carter's White House.",
     NULL, NONE,
     L("David Miliband AFFILIATED_WITH Commission on Social Justice", "Amitai Etzioni AFFILIATED_WITH Carter",
       "Amitai Etzioni AFFILIATED_WITH Jimmy Carter")},
    {"a name the descriptive noun follows, after plain words",
     "Work\n\nRory Neill, editor of union-backed Hazards magazine, said the figures were clear. Lisa Power, "
     "head of policy at Aids charity the Terrence Higgins Trust, said so.",
     NULL, L("Rory Neill AFFILIATED_WITH Hazards"), L("Lisa Power AFFILIATED_WITH Aids")},
    {"the organisation a speaker speaks for opens the sentence",
     "Pensions\n\nFor the Lib Dems, Simon Hughes said many pensioners were means tested.", NULL,
     L("Simon Hughes AFFILIATED_WITH Liberal Democrats"), NONE},
    {"a title or a place as a surname after a lone given name",
     "Panel\n\nJohn Sergeant criticised Tony Blair. Bob Wellington criticised the Conservatives.", NULL,
     L("John Sergeant ACCUSE Tony Blair", "Bob Wellington ACCUSE Conservative Party"),
     L("John ACCUSE Tony Blair", "New Zealand ACCUSE Conservative Party")},
    /* short forms of a lexicon office */
    {"short title of a lexicon office",
     "Nuclear Waste\n\nTrade Secretary Patricia Hewitt said Britain would raise money for the clean-up.",
     "2004-12-01", L("Patricia Hewitt AFFILIATED_WITH United Kingdom"), NONE},
    {"the role alone, with a later holder of the office in the lexicon",
     "Drink\n\nFirst Minister Jack McConnell spoke on Monday. Nicola Sturgeon said the first minister should "
     "withdraw the remarks.",
     NULL, L("Nicola Sturgeon REQUEST Jack McConnell"), NONE},
    {"'the prime minister' among two lexicon holders, dated by another title",
     "Row\n\nLondon mayor Ken Livingstone spoke. Tory MP Boris Johnson spoke. Tony Blair spoke. But the prime "
     "minister says it is time for Mr Livingstone to say sorry.",
     NULL, L("Tony Blair REQUEST Ken Livingstone"), L("Boris Johnson REQUEST Ken Livingstone")},
    {"a dated title later in the article dates 'the prime minister' before it",
     "Budget\n\nThe row over Gordon Brown's Budget grew. Tony Blair spoke. The prime minister hailed his "
     "chancellor's brilliant performance. Tory shadow chancellor Oliver Letwin disagreed.",
     NULL, L("Tony Blair SUPPORT Gordon Brown"), NONE},
    /* a rival reporting on a party's plans criticises them */
    {"rival on the plans",
     "Policing\n\nThe Conservatives unveiled plans for elected police commissioners. The Liberal Democrats said "
     "the plan could let extreme groups run policing.",
     NULL, L("Liberal Democrats ACCUSE Conservative Party"), NONE},
    {"the owner's own side on the plans",
     "Policing\n\nThe Conservatives unveiled plans for elected police commissioners. Tory leader Michael Howard "
     "said the plans would make the police more accountable.",
     NULL, NONE, L("Michael Howard ACCUSE Conservative Party")},
    {"plans named later in the content do not count",
     "Policing\n\nThe Conservatives unveiled plans for elected police commissioners. The Liberal Democrats said "
     "they would study the plans.",
     NULL, NONE, L("Liberal Democrats ACCUSE Conservative Party")},
    {"rival on the owner's plans, named with the owner",
     "Asylum\n\nThe Refugee Council said Mr Howard's proposals would mean there was no safe haven.", NULL,
     L("Refugee Council ACCUSE Howard"), NONE},
    {"a country's plans are no party's",
     "Iraq\n\nCharles Kennedy said Iraq exit plans were needed.", NULL, NONE,
     L("Charles Kennedy ACCUSE Iraq")},
    {"a politician speaking of a rival party",
     "Budget\n\nLabour leader Tony Blair claimed a Tory government would cut spending on schools.", NULL,
     L("Tony Blair ACCUSE Conservative Party"), NONE},
    {"a politician speaking of a rival, but only in a subordinate clause",
     "Budget\n\nLabour leader Tony Blair said the economy was strong, while the Conservatives would cut "
     "spending.",
     NULL, NONE, L("Tony Blair ACCUSE Conservative Party")},
    {"a rival's party named only later in the article still counts",
     "Row\n\nTory MP Boris Johnson also claimed Tony Blair's intervention was an attempt to win votes. Labour "
     "did not comment.",
     NULL, L("Boris Johnson ACCUSE Tony Blair"), NONE},
    {"a denial asserts nothing of the rival",
     "ID cards\n\nTory leader Michael Howard denied he was afraid of looking soft compared to Labour.", NULL, NONE,
     L("Michael Howard ACCUSE Labour Party")},
    {"no rival: the same party",
     "Budget\n\nLabour leader Tony Blair said Labour would win the election.", NULL, NONE,
     L("Tony Blair ACCUSE Labour Party")},
    {"an attack between politicians is made of words",
     "Attack\n\nTony Blair has launched an attack on Conservative spending plans.", NULL,
     L("Tony Blair ACCUSE Conservative Party"), L("Tony Blair ASSAULT Conservative Party")},
    {"an attack on a country stays an attack",
     "Attack\n\nRussia launched an attack on Ukraine on Thursday.", "2022-02-24", L("Russia ASSAULT Ukraine"),
     L("Russia ACCUSE Ukraine")},
    {"a cue word never makes a speaker accuse their own party",
     "Care\n\nLiberal Democrat spokesman Ed Davey said: \"The current scheme was a failure, but this new Liberal "
     "Democrat approach will go much further.\"",
     NULL, NONE, L("Ed Davey ACCUSE Liberal Democrats")},
    {"two politicians of one country are not one side",
     "Tax\n\nLabour leader Tony Blair said the Conservative plans were a shambles. Britain votes in May.", NULL,
     L("Tony Blair ACCUSE Conservative Party"), NONE},
    {"a politician on what their own country should do asks nothing of it",
     "Asylum\n\nTory leader Michael Howard said Britain should take its fair share of refugees.", NULL, NONE,
     L("Michael Howard REQUEST United Kingdom")},
    {"but a demand on the government is a request",
     "Asylum\n\nBritain changed its rules. Tory leader Michael Howard said the government must give a clearer "
     "reason.",
     NULL, L("Michael Howard REQUEST United Kingdom"), NONE},
    /* titles that carry a party */
    {"party backbencher",
     "Tax\n\nTory backbencher Edward Leigh said the cuts did not go far enough.", NULL,
     L("Edward Leigh AFFILIATED_WITH Conservative Party"), NONE},
    {"the speaker is the person an apposition describes, not an actor inside it",
     "Book\n\nJohn Smith, a senior figure in the Labour Party, said the Tories were wrong. Philippe Sands QC, a "
     "member of the Matrix Chambers, says Lord Goldsmith was wrong.",
     NULL, L("John Smith ACCUSE Conservative Party", "Philippe Sands ACCUSE Peter Goldsmith"),
     L("Labour Party ACCUSE Conservative Party", "Matrix Chambers ACCUSE Peter Goldsmith")},
    {"a denial whose object opens a clause rejects the claim, not the clause's subject",
     "Book\n\nPrime Minister Tony Blair denied Chancellor Gordon Brown made that remark. Chancellor Gordon Brown "
     "denied Conservative claims that he had fiddled the figures.",
     NULL, L("Gordon Brown REJECT Conservative Party"), L("Tony Blair REJECT Gordon Brown")},
    {"an unknown acronym treated as a body is one",
     "Acronyms\n\nThe ZMAB said the Labour plan was wrong. The ZWLGA criticised the Welsh Assembly. The VAT rise "
     "angered the CBI.",
     NULL, L("ZMAB ACCUSE Labour Party", "ZWLGA ACCUSE National Assembly for Wales"), L("VAT ACCUSE CBI")},
    {"an unknown acronym before a title is the body the title is held in",
     "Acronyms\n\nQHRC chairman Massoud Shadjareh spoke. PCSU deputy general secretary Hugh Lanning said so.", NULL,
     L("Massoud Shadjareh AFFILIATED_WITH QHRC", "Hugh Lanning AFFILIATED_WITH PCSU"), NONE},
    {"an object behind a description ending in an organisation noun",
     "Faith\n\nRuth Kelly confirmed she received \"spiritual support\" from the Catholic movement Opus Dei.", NULL,
     L("Opus Dei SUPPORT Ruth Kelly"), NONE},
    {"after an article a verb's head is a noun",
     "Release\n\nBoth Amnesty International and the lobby group Liberty described the release as overdue.", NULL,
     NONE, L("Amnesty International REQUEST Liberty")},
    {"a noun pattern's subject is the adjective right before the noun",
     "Crisis\n\nNATO discussed options in response to the escalating Russian aggression against Ukraine.",
     "2022-01-20", L("Russia ASSAULT Ukraine"), L("NATO ASSAULT Ukraine")},
    /* definite descriptions of named organisations */
    {"the committee, the party",
     "Report\n\nThe Commons education select committee published its report. The committee criticised the "
     "Department for Education and Skills. The Tories launched a campaign. The party attacked Labour.",
     NULL,
     L("Commons education select committee ACCUSE Department for Education and Skills",
       "Conservative Party ACCUSE Labour Party"),
     NONE},
    {"the organisation: the one named just before",
     "Fraud\n\nA spokesman for the European Anti-Fraud Office said the organisation agreed with the National "
     "Audit Office.",
     NULL, L("European Anti-Fraud Office AGREE National Audit Office"), NONE},
    {"the organisation: two candidates, none",
     "Fraud\n\nOxfam and Amnesty International met on Monday. The organisation criticised Germany.", NULL, NONE,
     L("Oxfam ACCUSE Germany", "Amnesty International ACCUSE Germany")},
    {"a description followed by its own name, or a compound",
     "Report\n\nLabour won the seat. George Galloway founded the anti-war party Respect. The Labour Party "
     "said the party conference would be in Brighton.",
     NULL, NONE, L("George Galloway AFFILIATED_WITH Labour Party")},
    /* fourth session */
    {"a relative clause between subject and verb is passed whole",
     "Meeting\n\nPeter Nielson, who leads UKIP in Scotland, met Tony Blair on Friday.",
     NULL, L("Peter Nielson CONSULT Tony Blair"), L("UK Independence Party CONSULT Tony Blair")},
    {"a region between the body and the title",
     "Probe\n\nPeter Nielson, who is UKIP Scotland chairman, said he had suspended John Houston.",
     NULL, L("Peter Nielson AFFILIATED_WITH UK Independence Party", "Peter Nielson SANCTION John Houston"),
     L("UK Independence Party SANCTION John Houston")},
    {"portfolio words with 'and'; a party before an honorific; a given name and a nationality",
     "Committee\n\nTory work and pensions spokesman David Willetts said the agency was failing. Lib Dem Sir "
     "Archy Kirkwood said so too. Mike German, leader of the Liberal Democrats in the assembly, said nothing.",
     NULL,
     L("David Willetts AFFILIATED_WITH Conservative Party", "Archy Kirkwood AFFILIATED_WITH Liberal Democrats",
       "Mike German AFFILIATED_WITH Liberal Democrats"),
     NONE},
    {"a criticism names its author with 'by'",
     "Budget\n\nLib Dem spokesman Vince Cable said Britain could not afford the \"reckless\" tax cutting "
     "spree planned by the Tories.",
     NULL, L("Vince Cable ACCUSE Conservative Party"), L("Vince Cable ACCUSE United Kingdom")},
    {"an unattributed quotation right after a closed one is the same speaker's",
     "Reply\n\nLabour spokesman Fraser Kemp said: \"It is a joke.\" \"Let us never forget the poll tax. "
     "\"We are working. Above all Michael Howard should be starting the year with an apology.\n\nMichael Howard "
     "should resign, said nobody.",
     NULL, L("Fraser Kemp REQUEST Michael Howard"), NONE},
    {"a quotation stays open to its paragraph's end, no further",
     "Reply\n\nLabour spokesman Fraser Kemp said: \"We are working. Let us never forget the poll tax.\n\n"
     "Michael Howard should be starting the year with an apology, the Tories' own voters say.",
     NULL, NONE, L("Fraser Kemp REQUEST Michael Howard")},
    {"a title held in an organisation, then the name",
     "Bar\n\nThe new chairman of the Bar Council, Guy Mansfield QC, warned there was a risk. But general secretary "
     "of the public services union Unison Dave Prentis criticised the plans.",
     NULL, L("Guy Mansfield AFFILIATED_WITH Bar Council", "Dave Prentis AFFILIATED_WITH Unison"), NONE},
    {"a body right before a name is no affiliation unless it is a party",
     "ID cards\n\nSources within the Conservative Party told the BBC Michael Howard has always backed ID cards.",
     NULL, NONE, L("Michael Howard AFFILIATED_WITH BBC")},
    {"an unknown body before an in-house title with no name after it speaks",
     "Race\n\nAn Operation Black Vote spokesman said they now wanted to meet Labour party chairman Ian McCartney.",
     NULL, L("Operation Black Vote REQUEST Ian McCartney"), NONE},
    {"a phone call to a leader and to the presidents of two countries",
     "Aid\n\nTony Blair spoke on the telephone to US President George Bush, and the presidents of Sri Lanka and "
     "Indonesia.",
     "2005-01-02",
     L("Tony Blair CONSULT George W. Bush", "Tony Blair CONSULT Sri Lanka", "Tony Blair CONSULT Indonesia"), NONE},
    {"a participle of asking after the one written to",
     "Letter\n\nTory leader Michael Howard has written to Tony Blair demanding an explanation of the rules.",
     NULL, L("Michael Howard REQUEST Tony Blair"), NONE},
    {"the time has come for him; membership of what a country has",
     "Apology\n\nPrince Harry wore the costume. Lord Janner, a member of Britain's Jewish community, was angry. "
     "He told ITV: \"The time has come for him to make a public apology.\"",
     NULL, L("Janner REQUEST Prince Harry"), L("Janner AFFILIATED_WITH United Kingdom")},
    {"'the prince' is the one person of the article named with that title",
     "Costume\n\nPrince Harry wore a costume. Former press spokesman Dicky Arbiter said the prince should make "
     "a personal apology.",
     NULL, L("Dicky Arbiter REQUEST Prince Harry"), NONE},
    {"a quotation attributed at its end runs on into the next quoted paragraph",
     "Rail\n\n\"We are hoping that many people will join us,\" Anne Borthwick said. \"We have been lobbying "
     "tirelessly.\n\n\"We believe that it is time for the Scottish Executive to commit to the project.\"",
     NULL, L("Anne Borthwick REQUEST Scottish Executive"), NONE},
    {"what an inquiry found is what its owner says; what a person found is not",
     "Inquiry\n\nSir Alan Budd's inquiry also found David Blunkett's account of events had been wrong. Police "
     "found Tony Blair's car was wrong.",
     NULL, L("Alan Budd ACCUSE David Blunkett"), NONE},
    {"a portfolio after 'for' runs into the name; the name starts at the given name",
     "Jobs\n\nMinister for Work Jane Kennedy criticised the Conservative Party.",
     NULL, L("Jane Kennedy ACCUSE Conservative Party"), L("Work Jane Kennedy ACCUSE Conservative Party")},
    {"a lexicon name written in lower case matches in lower case; an object pronoun ends the object search",
     "Tyranny\n\nTony Blair said the law would defend us from the al-Qaeda tyranny. Amnesty said al-Qaeda "
     "attacks were illegal.",
     NULL, L("Amnesty International ACCUSE al-Qaeda"), L("Tony Blair SUPPORT al-Qaeda")},
    {"appositions after a titled name, 'X of Body' with no comma, and a portfolio joined by 'and'",
     "Health\n\nRabbi Marvin Hier, founder of Jewish human rights group the Simon Wiesenthal Center, spoke. Laura "
     "Brownlees of Save the Children said there were concerns. Health analyst Tony Beddow, from the Welsh "
     "Institute for Health and Social Care, agreed. Cardinal Cormac Murphy O'Connor, the Archbishop of "
     "Westminster, spoke too.",
     NULL,
     L("Marvin Hier AFFILIATED_WITH Simon Wiesenthal Center", "Laura Brownlees AFFILIATED_WITH Save the Children",
       "Tony Beddow AFFILIATED_WITH Welsh Institute for Health and Social Care"),
     L("Cormac Murphy O'Connor AFFILIATED_WITH Parliament of the United Kingdom")},
    {"a plural title covers every name of its list; one person is no plural title",
     "Visit\n\nLabour MPs John Smithson and Jane Doughty said it was wrong. With the election widely predicted "
     "for May, angry Labour MPs this week warned Mr Blair.",
     NULL, L("John Smithson AFFILIATED_WITH Labour Party", "Jane Doughty AFFILIATED_WITH Labour Party"),
     L("May AFFILIATED_WITH Labour Party", "Theresa May AFFILIATED_WITH Labour Party")},
    {"a singular title ending in s covers one name only",
     "Posters\n\nTory Director of Communications Guy Black and Jane Smithson spoke.",
     NULL, L("Guy Black AFFILIATED_WITH Conservative Party"), L("Jane Smithson AFFILIATED_WITH Conservative Party")},
    {"where it was said is not whom; an apposition the speaker walk entered; bodies qualifying a side",
     "Votes\n\nSpeaking on BBC Radio 4's Today programme, Tony Blair criticised the fact that billions were spent. "
     "Mr Mandelson, a former Labour communications director, told BBC Radio 4: \"The Tories are wrong.\" The "
     "majority was halved as 32 Labour rebels joined Tory and Lib Dem opposition.",
     NULL, L("Peter Mandelson ACCUSE Conservative Party"),
     L("Tony Blair ACCUSE BBC Radio 4", "Labour Party ACCUSE Conservative Party",
       "Labour Party MEMBER_OF Conservative Party")},
    {"a rival named in one breath with the speaker's own side is compared, not criticised",
     "Seats\n\nLib Dem leader Charles Kennedy said the principal contenders were the Liberal Democrats and the "
     "Conservatives. Michael Howard said voters faced a choice between more tax under Labour and Tory value for "
     "money.",
     NULL, L("Michael Howard ACCUSE Labour Party"), L("Charles Kennedy ACCUSE Conservative Party")},
    {"a named person's attack is words; a fight is not",
     "Butler launches attack on Blair\n\nFormer cabinet secretary Robin Butler has criticised Tony Blair. "
     "Martin Mubanga was detained to prevent him from fighting against the United States.",
     NULL, L("Robin Butler ACCUSE Tony Blair"),
     L("Robin Butler ASSAULT Tony Blair", "Martin Mubanga ACCUSE United States")},
    {"a sentence opened by a described person makes the next 'he' his",
     "Tax\n\nLib Dem spokesman Vince Cable spoke. Chancellor Gordon Brown earmarked £1bn to keep down council tax. "
     "But the Lib Dem spokesman questioned whether that money was being found from cuts. He urged the Home Office "
     "to scrap the tax.",
     NULL, L("Vince Cable REQUEST Home Office"), L("Gordon Brown REQUEST Home Office")},
    {"a cue inside what the target said or warned is the target's word",
     "Book\n\nPhilippe Sands says Lord Goldsmith warned Tony Blair that the Iraq war could be illegal. Jack Law "
     "said Jack McConnell's comment was ill-advised.",
     NULL, L("Jack Law ACCUSE Jack McConnell"), L("Philippe Sands ACCUSE Peter Goldsmith")},
    {"the rival rule: not for what someone else believes or said, not for 'between them and Labour'",
     "Race\n\nLib Dem leader Charles Kennedy said Robert Jackson believes Tony Blair should not be criticised. The Liberal "
     "Democrats say in the northern cities the race is between them and Labour. Tory leader Michael Howard said "
     "that Tony Blair told Gordon Brown he would step down. Tony Blair said: \"I believe that the Tory plans are "
     "a call to return to the past.\"",
     NULL, L("Tony Blair ACCUSE Conservative Party"),
     L("Charles Kennedy ACCUSE Tony Blair", "Liberal Democrats ACCUSE Labour Party", "Michael Howard ACCUSE Tony Blair")},
    {"an unknown name, 'of' and a body is a person of that body",
     "Race\n\nAshok Vishwanathan of Operation Black Vote, which aims to increase participation, said the result "
     "showed shortlists were not effective. Rhian Beynon of the JCWI said the rules were discriminatory.",
     NULL,
     L("Ashok Vishwanathan AFFILIATED_WITH Operation Black Vote",
       "Rhian Beynon AFFILIATED_WITH Joint Council for the Welfare of Immigrants"),
     NONE},
    {"a cue in a second clause of the content is about that clause's subject",
     "Conference\n\nCharles Kennedy told delegates that Labour had lost the public's trust and that the Tories had "
     "failed to oppose them. Tim Collins said: \"Mr Blair&#191;s government is all talk.\"",
     NULL, L("Charles Kennedy ACCUSE Conservative Party"), L("Charles Kennedy ACCUSE Labour Party")},
    /* the basics the brief names */
    {"light verb, titles, affiliation",
     "Talks\n\nUS Secretary of State Antony Blinken had a telephone conversation with NATO Secretary General "
     "Jens Stoltenberg.",
     "2021-12-09",
     L("Antony Blinken CONSULT Jens Stoltenberg", "Antony Blinken AFFILIATED_WITH United States",
       "Jens Stoltenberg AFFILIATED_WITH NATO"),
     NONE},
    {"negation and hypotheticals",
     "Warning\n\nRussia denied any intention to invade Ukraine. If Russian forces attack Ukraine, NATO will "
     "respond.",
     "2021-12-09", NONE, L("Russia ASSAULT Ukraine", "Russia MOBILIZE Ukraine")},
};

/* "Subject TYPE Object" for every relation of the article, one per line. */
static char *relations_of(const xcase *c)
{
    ng_doc d;
    memset(&d, 0, sizeof d);
    d.id = (char *)"case";
    d.path = (char *)"case.txt";
    d.date = (char *)c->date;
    d.text = (char *)c->text;
    d.len = strlen(c->text);
    d.n_chars = ng_utf8_count(c->text, d.len);
    ng_extract_opts o;
    ng_extract_opts_default(&o);
    ng_docres r;
    assert_int_equal(ng_extract_doc(&lex, &d, &o, &r), 0);
    ng_buf b;
    ng_buf_init(&b);
    for (size_t i = 0; i < r.n_rels; i++)
        ng_buf_printf(&b, "%s %s %s\n", r.ents[r.rels[i].subj].name, ng_event_name((ng_event_type)r.rels[i].type),
                      r.ents[r.rels[i].obj].name);
    ng_docres_free(&r);
    return b.data ? b.data : ng_xstrdup("");
}

static int has_line(const char *all, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = all; (p = strstr(p, line)) != NULL; p++)
        if ((p == all || p[-1] == '\n') && p[n] == '\n') return 1;
    return 0;
}

static void test_cases(void **state)
{
    (void)state;
    int failed = 0;
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        const xcase *c = &CASES[i];
        char *got = relations_of(c);
        for (const char *const *w = c->want; *w; w++)
            if (!has_line(got, *w)) {
                fprintf(stderr, "[%s] missing: %s\n  got:\n%s", c->name, *w, got);
                failed++;
            }
        for (const char *const *w = c->forbid; *w; w++)
            if (has_line(got, *w)) {
                fprintf(stderr, "[%s] must not appear: %s\n", c->name, *w);
                failed++;
            }
        free(got);
    }
    fprintf(stderr, "%zu extraction cases checked\n", sizeof CASES / sizeof *CASES);
    assert_int_equal(failed, 0);
}

static int setup(void **state)
{
    (void)state;
    ng_quiet = 1;
    ng_lexicon_init(&lex);
    return ng_pipeline_lexicon(&lex, 0, NULL, 0) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    ng_lexicon_free(&lex);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
