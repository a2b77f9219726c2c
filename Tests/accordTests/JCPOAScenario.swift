/// A scenario of the size of the 2015 JCPOA endgame that issue #12's analyst modelled: 7 issues whose options
/// multiply to 12 × 10 × 7 × 7 × 6 × 7 × 6 = 1,481,760 packages, 4 parties, red lines, and Iran's weights known only
/// roughly. docs/performance.md times `accord analyze` on it; to write it to a file:
/// `sed -n '/^        accord: 1$/,/^        """#$/p' Tests/accordTests/JCPOAScenario.swift | sed '$d; s/^        //'`.
enum JCPOAScenario {
    static let yaml = #"""
        accord: 1
        name: JCPOA endgame (Vienna, July 2015), test size
        issues:
          - id: centrifuges
            name: Operating centrifuges at Natanz
            unit: machines
            range: [0, 22000]
            step: 2000
          - id: stockpile
            name: Low-enriched uranium stockpile
            unit: kg
            range: [300, 3000]
            step: 300
          - id: enrichment
            name: Enrichment ceiling
            options:
              - {id: none, name: No enrichment}
              - {id: e3_67, name: 3.67 %}
              - {id: e5, name: 5 %}
              - {id: e10, name: 10 %}
              - {id: e20, name: 20 %}
              - {id: e60, name: 60 %}
              - {id: e90, name: 90 %}
          - id: duration
            name: Duration of the limits
            options:
              - {id: y5, name: 5 years}
              - {id: y8, name: 8 years}
              - {id: y10, name: 10 years}
              - {id: y15, name: 15 years}
              - {id: y20, name: 20 years}
              - {id: y25, name: 25 years}
              - {id: permanent, name: Permanent}
          - id: inspections
            name: Inspections
            options:
              - {id: safeguards, name: Comprehensive safeguards only}
              - {id: ap_provisional, name: Additional Protocol applied provisionally}
              - {id: ap_ratified, name: Additional Protocol ratified}
              - {id: managed_access, name: Managed access within 24 days}
              - {id: snap, name: Snap inspections of declared sites}
              - {id: anytime_anywhere, name: Anytime and anywhere}
          - id: sanctions
            name: Sanctions relief
            options:
              - {id: none, name: No relief}
              - {id: jpoa_extended, name: The interim relief extended}
              - {id: oil_waivers, name: Oil sales waivers}
              - {id: phased_nuclear, name: Nuclear sanctions lifted in phases}
              - {id: nuclear_lifted, name: Nuclear sanctions lifted on implementation}
              - {id: un_eu_lifted, name: All UN and EU sanctions lifted}
              - {id: all_lifted, name: All sanctions lifted (US primary included)}
          - id: arak
            name: Arak heavy-water reactor
            options:
              - {id: dismantled, name: Dismantled}
              - {id: frozen, name: Construction frozen}
              - {id: redesigned_export, name: Redesigned with spent fuel exported}
              - {id: redesigned, name: Redesigned}
              - {id: capped, name: Completed with a power cap}
              - {id: completed, name: Completed as designed}
        parties:
          - id: us
            name: United States
            reservation: 0.5
            weights: {centrifuges: 0.2, stockpile: 0.15, enrichment: 0.15, duration: 0.15, inspections: 0.15,
                      sanctions: 0.1, arak: 0.1}
            values:
              centrifuges: {piecewise: [[0, 1.0], [6000, 0.8], [10000, 0.4], [22000, 0.0]]}
              stockpile: {piecewise: [[300, 1.0], [1200, 0.5], [3000, 0.0]]}
              enrichment: {none: 1.0, e3_67: 0.8, e5: 0.6, e10: 0.3, e20: 0.1, e60: 0.0, e90: 0.0}
              duration: {y5: 0.1, y8: 0.3, y10: 0.6, y15: 0.8, y20: 0.9, y25: 0.95, permanent: 1.0}
              inspections: {safeguards: 0.0, ap_provisional: 0.5, ap_ratified: 0.6, managed_access: 0.8, snap: 0.9,
                            anytime_anywhere: 1.0}
              sanctions: {none: 1.0, jpoa_extended: 0.9, oil_waivers: 0.8, phased_nuclear: 0.7, nuclear_lifted: 0.5,
                          un_eu_lifted: 0.3, all_lifted: 0.0}
              arak: {dismantled: 1.0, frozen: 0.8, redesigned_export: 0.8, redesigned: 0.6, capped: 0.3, completed: 0.0}
            red_lines:
              - {issue: enrichment, forbid: [e20, e60, e90], note: no enrichment to 20 % or above}
              - {issue: sanctions, forbid: [all_lifted], note: US primary sanctions stay}
          - id: iran
            name: Iran
            reservation: 0.45
            weights:
              centrifuges: {uniform: [0.10, 0.30]}
              stockpile: {uniform: [0.05, 0.15]}
              enrichment: {uniform: [0.10, 0.25]}
              duration: {uniform: [0.05, 0.20]}
              inspections: {uniform: [0.05, 0.15]}
              sanctions: {uniform: [0.20, 0.40]}
              arak: {uniform: [0.02, 0.10]}
            values:
              centrifuges: {piecewise: [[0, 0.0], [6000, 0.5], [10000, 0.75], [22000, 1.0]]}
              stockpile: increasing
              enrichment: {none: 0.0, e3_67: 0.6, e5: 0.7, e10: 0.8, e20: 0.9, e60: 1.0, e90: 1.0}
              duration: {y5: 1.0, y8: 0.9, y10: 0.7, y15: 0.5, y20: 0.3, y25: 0.2, permanent: 0.0}
              inspections: {safeguards: 1.0, ap_provisional: 0.8, ap_ratified: 0.6, managed_access: 0.5, snap: 0.2,
                            anytime_anywhere: 0.0}
              sanctions: {none: 0.0, jpoa_extended: 0.2, oil_waivers: 0.35, phased_nuclear: 0.6, nuclear_lifted: 0.8,
                          un_eu_lifted: 0.95, all_lifted: 1.0}
              arak: {dismantled: 0.0, frozen: 0.2, redesigned_export: 0.5, redesigned: 0.6, capped: 0.8, completed: 1.0}
            red_lines:
              - {issue: enrichment, forbid: [none], note: the right to enrich}
              - {issue: centrifuges, min: 4000, note: an industrial programme}
              - {issue: inspections, forbid: [anytime_anywhere], note: no anytime-anywhere access to military sites}
          - id: e3
            name: France, Germany and the United Kingdom
            reservation: 0.5
            weights: {centrifuges: 0.15, stockpile: 0.15, enrichment: 0.15, duration: 0.1, inspections: 0.2,
                      sanctions: 0.1, arak: 0.15}
            values:
              centrifuges: {piecewise: [[0, 1.0], [8000, 0.7], [12000, 0.4], [22000, 0.0]]}
              stockpile: {piecewise: [[300, 1.0], [1500, 0.5], [3000, 0.0]]}
              enrichment: {none: 1.0, e3_67: 0.9, e5: 0.7, e10: 0.4, e20: 0.1, e60: 0.0, e90: 0.0}
              duration: {y5: 0.2, y8: 0.4, y10: 0.7, y15: 0.9, y20: 1.0, y25: 1.0, permanent: 1.0}
              inspections: {safeguards: 0.0, ap_provisional: 0.6, ap_ratified: 0.7, managed_access: 0.9, snap: 1.0,
                            anytime_anywhere: 1.0}
              sanctions: {none: 0.6, jpoa_extended: 0.7, oil_waivers: 0.8, phased_nuclear: 1.0, nuclear_lifted: 0.9,
                          un_eu_lifted: 0.6, all_lifted: 0.4}
              arak: {dismantled: 1.0, frozen: 0.8, redesigned_export: 0.9, redesigned: 0.7, capped: 0.3, completed: 0.0}
            red_lines:
              - {issue: arak, forbid: [completed], note: no plutonium route}
          - id: russia
            name: Russia
            reservation: 0.4
            weights: {centrifuges: 0.1, stockpile: 0.25, enrichment: 0.15, duration: 0.1, inspections: 0.1,
                      sanctions: 0.2, arak: 0.1}
            values:
              centrifuges: {piecewise: [[0, 0.5], [6000, 1.0], [14000, 0.5], [22000, 0.2]]}
              stockpile: {piecewise: [[300, 1.0], [3000, 0.3]]}
              enrichment: {none: 0.5, e3_67: 1.0, e5: 0.9, e10: 0.6, e20: 0.3, e60: 0.0, e90: 0.0}
              duration: {y5: 0.8, y8: 1.0, y10: 1.0, y15: 0.8, y20: 0.5, y25: 0.3, permanent: 0.0}
              inspections: {safeguards: 0.6, ap_provisional: 1.0, ap_ratified: 1.0, managed_access: 0.8, snap: 0.4,
                            anytime_anywhere: 0.2}
              sanctions: {none: 0.0, jpoa_extended: 0.3, oil_waivers: 0.5, phased_nuclear: 0.8, nuclear_lifted: 1.0,
                          un_eu_lifted: 1.0, all_lifted: 1.0}
              arak: {dismantled: 0.3, frozen: 0.5, redesigned_export: 1.0, redesigned: 0.9, capped: 0.6, completed: 0.4}
            red_lines:
              - {issue: sanctions, forbid: [none], note: no deal without relief}
        proposals:
          - id: iran_opening
            name: Iran's opening position
            outcome: {centrifuges: 20000, stockpile: 3000, enrichment: e20, duration: y5, inspections: safeguards,
                      sanctions: all_lifted, arak: completed}
          - id: lausanne
            name: The Lausanne framework
            outcome: {centrifuges: 6000, stockpile: 300, enrichment: e3_67, duration: y10, inspections: managed_access,
                      sanctions: nuclear_lifted, arak: redesigned_export}
        """#
}
