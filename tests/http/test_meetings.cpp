// Meetings (issue 12, point 7): planning one, the agenda the data proposes, recording decisions
// that become actions, the minutes, and finding decisions on the pages they are about.
#include <gmock/gmock.h>

#include "harness.h"
#include "store/actions_store.h"
#include "store/activities_store.h"
#include "store/meetings_store.h"

namespace kompas::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using MeetingsTest = HttpTest;

std::string meeting_path(long long id) {
  return "/verbetercyclus/overleggen/" + std::to_string(id);
}

TEST_F(MeetingsTest, TheBeheerderPlansAMeetingAsPeopleTypeDates) {
  auto r = post("/verbetercyclus/overleggen", As::beheerder,
                {{"held_on", "31 februari"}, {"title", ""}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Vul een datum in die bestaat"));
  EXPECT_THAT(body(r), HasSubstr("value=\"31 februari\""));  // what was typed stays
  r = post("/verbetercyclus/overleggen", As::beheerder,
           {{"held_on", "3 maart 2027"},
            {"title", "Voorjaarsoverleg"},
            {"present", std::to_string(seed.own_partner)},
            {"present", std::to_string(seed.partner_b)}});  // another coalition's partner
  EXPECT_EQ(status(r), 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM meetings WHERE title = 'Voorjaarsoverleg'"), 0);
  r = post("/verbetercyclus/overleggen", As::beheerder,
           {{"held_on", "3 maart 2027"},
            {"title", "Voorjaarsoverleg"},
            {"present", std::to_string(seed.own_partner)},
            {"present", std::to_string(seed.other_partner)}});
  ASSERT_EQ(status(r), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM meetings WHERE held_on = '2027-03-03'"), 1);
  const auto page =
      body(get(r->get_header_value("Location").substr(0, r->get_header_value("Location").find('?')),
               As::lezer));
  EXPECT_THAT(page, HasSubstr("3 maart 2027"));
  EXPECT_THAT(page, HasSubstr("Welzijn"));
  EXPECT_THAT(page, Not(HasSubstr("Voorstel voor de agenda")));  // only the beheerder plans
  const auto list = body(get("/verbetercyclus", As::partner));
  EXPECT_THAT(list, HasSubstr("Voorjaarsoverleg"));
}

TEST_F(MeetingsTest, TheAgendaIsProposedFromTheDataAndTakenByKey) {
  const auto path = meeting_path(seed.meeting);
  auto page = body(get(path, As::beheerder));
  EXPECT_THAT(page, HasSubstr("Voorstel voor de agenda"));
  EXPECT_THAT(page, HasSubstr("href=\"/verbetercyclus/punten/" + std::to_string(seed.agenda_item)));
  // The seeded action was due in 2020.
  EXPECT_THAT(page, HasSubstr("Actie Subsidie aanvragen is te laat (klaar op 1 januari 2020)."));
  const auto action_key = "actie:" + std::to_string(seed.action);
  EXPECT_THAT(page, HasSubstr("value=\"" + action_key + "\""));
  EXPECT_EQ(status(post(path + "/agenda", As::beheerder, {})), 422);
  EXPECT_EQ(status(post(path + "/agenda", As::beheerder, {{"eigen", std::string(301, 'x')}})), 422);
  auto refused = post(path + "/agenda", As::beheerder,
                      {{"eigen", std::string(301, 'x')}, {"punt", action_key}});
  // What was typed and ticked stays, with the reason.
  EXPECT_THAT(body(refused), HasSubstr("value=\"" + std::string(301, 'x') + "\""));
  EXPECT_THAT(body(refused), HasSubstr("hoogstens 300 tekens"));
  EXPECT_THAT(body(refused), HasSubstr("value=\"" + action_key + "\" checked"));
  // A key the data does not propose is ignored, not trusted as text.
  ASSERT_EQ(status(post(path + "/agenda", As::beheerder,
                        {{"punt", action_key},
                         {"punt", "indicator:999999"},
                         {"eigen", "=HYPERLINK(\"x\") <b>nieuwe partner</b>"}})),
            303);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM agenda_items WHERE meeting_id = " + std::to_string(seed.meeting)),
      3);  // the seeded item, the action and the own item
  page = body(get(path, As::lezer));
  EXPECT_THAT(page, HasSubstr("&lt;b&gt;nieuwe partner&lt;/b&gt;"));
  EXPECT_THAT(page, HasSubstr("href=\"/acties/" + std::to_string(seed.action) + "\""));
  // What is on the agenda is no longer proposed.
  EXPECT_THAT(body(get(path, As::beheerder)), Not(HasSubstr("value=\"" + action_key + "\"")));
  // 300 letters with accents are 300 characters: not too long.
  std::string accents;
  for (int i = 0; i < 300; ++i) accents += "\xC3\xA9";
  EXPECT_EQ(status(post(path + "/agenda", As::beheerder, {{"eigen", accents}})), 303);
}

TEST_F(MeetingsTest, ADecisionWithAnOwnerBecomesAnActionOnceAndIsFoundOnItsPages) {
  // An activity without a check: the data proposes it; the meeting decides about it.
  long long activity = 0;
  {
    store::Change change(db(), beheerder_of(seed));
    domain::Activity a;
    a.name = "Wandelgroep Noord";
    a.target_group = "iedereen";
    a.loneliness_type = "sociaal";
    a.degrees = {"preventie"};
    activity = store::create_activity(change, a);
    change.commit();
  }
  const auto path = meeting_path(seed.meeting);
  const auto key = "activiteit:" + std::to_string(activity);
  EXPECT_THAT(body(get(path, As::beheerder)),
              HasSubstr("Geen kwaliteitscheck in het afgelopen jaar: Wandelgroep Noord."));
  ASSERT_EQ(status(post(path + "/agenda", As::beheerder, {{"punt", key}})), 303);
  const auto item = count("SELECT id FROM agenda_items WHERE source_key = '" + key + "'");
  const auto record = "/verbetercyclus/punten/" + std::to_string(item);
  const auto owner = std::to_string(seed.partner_person);
  EXPECT_EQ(status(post(record, As::partner, {{"decision", "x"}})), 403);
  auto r = post(record, As::beheerder, {{"decision_owner", owner}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Schrijf eerst het besluit op."));
  r = post(record, As::beheerder,
           {{"decision", "De wandelgroep doet in maart de check."}, {"decision_owner", owner}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Vul in wanneer het klaar moet zijn."));
  EXPECT_EQ(count("SELECT COUNT(*) FROM actions"), 1);  // only the seeded one
  const httplib::Params decided = {{"goes_well", "Veel nieuwe deelnemers."},
                                   {"must_improve", "Niemand weet of het werkt."},
                                   {"decision", "De wandelgroep doet in maart de check."},
                                   {"decision_owner", owner},
                                   {"decision_due", "31 maart 2027"}};
  ASSERT_EQ(status(post(record, As::beheerder, decided)), 303);
  ASSERT_EQ(status(post(record, As::beheerder, decided)), 303);  // saved again: still one action
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM actions WHERE title = 'De wandelgroep doet in maart de "
            "check.' AND due_date = '2027-03-31' AND activity_id = " +
            std::to_string(activity) + " AND partner_id = " + std::to_string(seed.own_partner)),
      1);
  const auto minutes = body(get(path + "/notulen", As::lezer));
  EXPECT_THAT(minutes, HasSubstr("Notulen: Coalitieoverleg"));
  EXPECT_THAT(minutes, HasSubstr("Veel nieuwe deelnemers."));
  EXPECT_THAT(minutes, HasSubstr("Mo Partner"));
  EXPECT_THAT(minutes, HasSubstr("31 maart 2027"));
  EXPECT_THAT(minutes, Not(HasSubstr("Vastleggen")));
  const auto activity_page =
      body(get("/wie-doet-wat/activiteiten/" + std::to_string(activity), As::lezer));
  EXPECT_THAT(activity_page, HasSubstr("De wandelgroep doet in maart de check."));
  EXPECT_THAT(activity_page, HasSubstr(path + "#punt-" + std::to_string(item)));
  EXPECT_THAT(body(get("/doelen/" + std::to_string(seed.ambition), As::lezer)),
              HasSubstr("Hierover is nog niets besloten in een overleg."));
  // Two items added and one record: saving the same record again logs nothing.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'agendapunt'"), 3);
}

TEST_F(MeetingsTest, AnImprovementActionFromACheckIsOnTheNextAgendaOnce) {
  long long action = 0;
  {
    store::Change change(db(), beheerder_of(seed));
    domain::Action a;
    a.title = "Deelnemers kiezen zelf de bezigheden";
    a.due_date = "2099-06-01";
    a.activity_id = seed.activity;
    a.round_id = seed.round;
    a.question_code = "bezigheden";
    action = store::create_action(change, a);
    change.commit();
  }
  const auto key = "actie:" + std::to_string(action);
  const auto first = meeting_path(seed.meeting);
  EXPECT_THAT(
      body(get(first, As::beheerder)),
      HasSubstr("Nieuwe verbeteractie uit een check: Deelnemers kiezen zelf de bezigheden"));
  ASSERT_EQ(status(post(first + "/agenda", As::beheerder, {{"punt", key}})), 303);
  // A later meeting: the action was discussed, and is not late, so it is not proposed again.
  const auto next = post("/verbetercyclus/overleggen", As::beheerder,
                         {{"held_on", "2099-01-01"}, {"title", "Later overleg"}});
  ASSERT_EQ(status(next), 303);
  const auto next_path =
      next->get_header_value("Location").substr(0, next->get_header_value("Location").find('?'));
  EXPECT_THAT(body(get(next_path, As::beheerder)), Not(HasSubstr("value=\"" + key + "\"")));
}

TEST_F(MeetingsTest, RemovingAMeetingKeepsTheActionsItsDecisionsBecame) {
  const auto record = "/verbetercyclus/punten/" + std::to_string(seed.agenda_item);
  ASSERT_EQ(status(post(record, As::beheerder,
                        {{"decision", "Evaluatie in april."},
                         {"decision_owner", std::to_string(seed.beheerder)},
                         {"decision_due", "2027-04-30"}})),
            303);
  const auto path = meeting_path(seed.meeting);
  EXPECT_EQ(status(post(path + "/verwijderen", As::beheerder, {})), 422);
  ASSERT_EQ(status(post(path + "/verwijderen", As::beheerder, {{"bevestig", "ja"}})), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM meetings"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM agenda_items"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM actions WHERE title = 'Evaluatie in april.'"), 1);
}

}  // namespace
}  // namespace kompas::test
