import AccordCore
import AccordFormats
import Foundation

/// Small hand-written GENIUS files, each showing one rule or one quirk of the published files.
enum GeniusFixtures {
    /// A lunch domain whose issue indices start at 3 and are not in order: a discrete issue with a bare `&` and an
    /// entity in its values, an integer issue 10…14 and a real issue [0, 1].
    static let lunchDomain = """
        <?xml version="1.0"?>
        <negotiation_template>
        <utility_space number_of_issues="3">
        <objective index="0" description="" name="Lunch" type="objective" etype="objective">
          <issue index="5" name="dish" vtype="discrete" type="discrete" etype="discrete">
            <item index="1" value="fish & chips"/>
            <item index="2" value="soup"/>
            <item index="3" value="salad &amp; bread"/>
          </issue>
          <issue index="3" name="price" vtype="integer" type="integer" etype="integer" lowerbound="10" upperbound="14"/>
          <issue index="9" name="time" vtype="real" type="real" etype="real">
            <range lowerbound="0" upperbound="1"/>
          </issue>
        </objective>
        </utility_space>
        </negotiation_template>
        """

    /// The buyer: issues and weights in another order than the domain's; evaluations 2, 8, 4 (so 0.25, 1, 0.5:
    /// divided by the maximum, not min-subtracted); integer slope 0.3 from the lower bound 10 with offset 0.2
    /// (0.2, 0.5, 0.8, then clamped to 1); real linear 0.5·x + 0.1; weights summing to 0.9, used as written; no
    /// reservation; discount factor 0, which means none.
    static let buyer = """
        <utility_space>
        <objective index="0" name="Lunch" type="objective" etype="objective">
          <weight index="9" value="0.1"/>
          <weight index="3" value="0.3"/>
          <issue index="9" name="time" vtype="real" type="real" etype="real">
            <range lowerbound="0" upperbound="1"/>
            <evaluator ftype="linear" parameter0="0.1" parameter1="0.5"/>
          </issue>
          <issue index="3" name="price" type="integer" etype="integer" lowerbound="10" upperbound="14">
            <evaluator ftype="linear" slope="0.3" offset="0.2"/>
          </issue>
          <issue index="5" name="dish" type="discrete" etype="discrete">
            <item index="2" value="soup" evaluation="8"/>
            <item index="1" value="fish & chips" evaluation="2"/>
            <item index="3" value="salad &amp; bread" evaluation="4"/>
          </issue>
          <weight index="5" value="0.5"/>
        </objective>
        <discount_factor value="0"/>
        </utility_space>
        """

    /// The seller, an uncertain profile: a triangular real evaluator (low 0.2, high 1, top 0.6), a falling integer
    /// evaluator, weights summing to 1.2 so that GENIUS's cap at 1 binds, reservation 0.25, discount 0.8.
    static let seller = """
        <utility_space type="UNCERTAIN">
        <objective index="0" name="Lunch" type="objective" etype="objective">
          <issue index="5" name="dish" type="discrete" etype="discrete">
            <item index="1" value="fish & chips" evaluation="10"/>
            <item index="2" value="soup" evaluation="5"/>
            <item index="3" value="salad &amp; bread" evaluation="0"/>
          </issue>
          <issue index="3" name="price" type="integer" etype="integer" lowerbound="10" upperbound="14">
            <evaluator ftype="linear" slope="-0.25" offset="1"/>
          </issue>
          <issue index="9" name="time" type="real" etype="real">
            <evaluator ftype="triangular" parameter0="0.2" parameter1="1" parameter2="0.6"/>
          </issue>
          <weight index="5" value="0.6"/>
          <weight index="3" value="0.4"/>
          <weight index="9" value="0.2"/>
        </objective>
        <discount_factor value="0.8"/>
        <reservation value="0.25"/>
        <comparisons>100</comparisons>
        <errors>0</errors>
        </utility_space>
        """

    /// A two-issue discrete domain for the rules that need no numbers.
    static let pairDomain = """
        <negotiation_template>
        <utility_space>
        <objective index="1" name="Pair" type="objective" etype="objective">
          <issue index="2" name="colour" etype="discrete">
            <item index="1" value="red"/>
            <item index="2" value="blue"/>
            <item index="3" value="blue"/>
          </issue>
          <issue index="3" name="size" etype="discrete">
            <item index="1" value="S"/>
            <item index="2" value="L"/>
          </issue>
        </objective>
        </utility_space>
        </negotiation_template>
        """

    /// A profile of ``pairDomain`` written with GENIUS's own defects: a weight for the objective itself (index 1,
    /// as ANAC 2012 Fitness has), a value the domain lacks whose evaluation still sets the maximum, and all
    /// evaluations of `size` below 0.00001 (so all worth 0).
    static let pairProfile = """
        <utility_space>
        <objective index="1" name="Pair" type="objective" etype="objective">
          <issue index="2" name="colour" etype="discrete">
            <item index="1" value="red" evaluation="3"/>
            <item index="2" value="blue" evaluation="6"/>
            <item index="3" value="green" evaluation="12"/>
          </issue>
          <issue index="3" name="size" etype="discrete">
            <item index="1" value="S" evaluation="0.000001"/>
            <item index="2" value="L" evaluation="0"/>
          </issue>
          <weight index="2" value="0.7"/>
          <weight index="3" value="0.3"/>
          <weight index="1" value="1.0"/>
        </objective>
        </utility_space>
        """

    /// ``pairProfile`` with one element replaced, for the error cases.
    static func pairProfile(replacing original: String, with replacement: String) -> String {
        precondition(pairProfile.contains(original), "fixture has no \(original)")
        return pairProfile.replacingOccurrences(of: original, with: replacement)
    }

    static func document(_ file: String, _ text: String) -> GeniusDocument {
        GeniusDocument(file: file, text: text)
    }

    /// The lunch scenario: buyer and seller.
    static func lunch() throws(GeniusImportError) -> Scenario {
        try GeniusImporter.scenario(
            domain: document("lunch.xml", lunchDomain),
            profiles: [document("buyer.xml", buyer), document("seller.xml", seller)])
    }
}
