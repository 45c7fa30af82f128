#pragma once
// One function per folder of src/web that is a section; each is defined in <folder>/section.cpp.
#include "web/core/section.h"

namespace kompas::web {

Section mijn_organisatie_section();  // "Mijn organisatie": a partner's own page
Section overzicht_section();         // the overview, partners and people
Section verkennen_section();         // surveys, published figures, areas and maps
Section doelen_section();            // ambitions, indicators and the plan document
Section wie_doet_wat_section();      // activities, contributions and actions
Section kwaliteit_section();         // the quality check of activities
Section resultaten_section();        // every indicator by result group: tellen en vertellen
Section verbetercyclus_section();    // meetings, their agenda and decisions
Section signaalpunt_section();       // signals about residents reach the right partner
Section deskundigheid_section();     // the kennisbank for everyone who meets lonely people
Section beheer_section();            // coalition settings and the audit log
Section account_section();           // signing in, the profile and API tokens
Section openbaar_section();          // the public dashboard
Section api_section();               // the read API

}  // namespace kompas::web
