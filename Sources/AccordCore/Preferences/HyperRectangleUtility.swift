/// GENIUS's nonlinear utility (the ANAC 2014 profiles): a tree of utility functions that aggregate hyper-rectangles,
/// divided by a maximum and capped at 1.
///
/// The utility of an outcome `x` is `U(x) = min(1, F(x) / maxUtility)`, where `F` is the value of the ``root`` node:
///
/// - a ``Rectangle`` contributes `utility · weight` when it is satisfied and 0 otherwise. An ``Rectangle/Kind/includes``
///   rectangle is satisfied when *every* bound holds (a rectangle without bounds is satisfied everywhere); an
///   ``Rectangle/Kind/excludes`` one when *any* bound fails.
/// - a ``Node`` aggregates the contributions of its rectangles, then the values of its child nodes, each multiplied
///   by that child's weight: ``Aggregation/sum`` adds them (0 for no child at all), ``Aggregation/min`` keeps the
///   smallest, starting from 2³¹ − 1, and ``Aggregation/max`` the largest, starting from −(2³¹ − 1), exactly as
///   GENIUS starts from `Integer.MAX_VALUE`. The root's own weight is not applied.
/// - the total is divided by ``maxUtility`` and cut down to 1 when it exceeds 1 (it is not raised to 0: a profile
///   with negative contributions can have negative utilities, as in GENIUS).
///
/// Bounds are stated on *levels* of the outcome space (``Bound/levels``), so a rectangle is a product of per-issue
/// level intervals; the GENIUS importer turns GENIUS's integer values into levels. The utility is not additive
/// (``contributionTable(in:)`` is `nil`): the exact analysis lists every outcome when the space is small, and
/// ``Scenario/rectangleFrontier(options:)`` finds the Pareto frontier of two parties from the rectangles themselves,
/// on spaces far too large to list.
///
/// ```swift
/// // 2 issues of 10 levels; 60 when issue 0 is at most level 4, plus 40 when issue 1 is not level 0.
/// let utility = HyperRectangleUtility(
///     root: .init(aggregation: .sum, rectangles: [
///         .init(kind: .includes, bounds: [.init(issue: 0, levels: 0..<5)], utility: 60),
///         .init(kind: .excludes, bounds: [.init(issue: 1, levels: 0..<1)], utility: 40),
///     ]),
///     maxUtility: 100)
/// ```
public struct HyperRectangleUtility: UtilityFunction, Hashable, Codable {
    /// The tree: GENIUS's top `<ufun>`.
    public var root: Node
    /// The divisor of the tree's value (GENIUS's `maxutility`).
    public var maxUtility: Double

    /// - Parameters:
    ///   - root: the top node of the tree.
    ///   - maxUtility: the divisor of the tree's value; GENIUS profiles give a positive number.
    public init(root: Node, maxUtility: Double) {
        self.root = root
        self.maxUtility = maxUtility
    }

    /// `min(1, F(x) / maxUtility)`, `F` the value of the tree, with GENIUS's order of operations.
    ///
    /// - Complexity: O(total number of bounds in the tree).
    public func utility(of outcome: Outcome, in space: OutcomeSpace) -> Double {
        let result = value(of: outcome) / maxUtility
        return result > 1 ? 1 : result
    }

    /// The value `F(x)` of the tree before the division by ``maxUtility``.
    public func value(of outcome: Outcome) -> Double {
        root.value(of: outcome.levels)
    }

    /// Every rectangle of the tree, depth first (a node's rectangles before its children's).
    public var allRectangles: [Rectangle] {
        var result: [Rectangle] = []
        func collect(_ node: Node) {
            result.append(contentsOf: node.rectangles)
            node.children.forEach(collect)
        }
        collect(root)
        return result
    }
}

extension HyperRectangleUtility {
    /// How a node combines the contributions of its rectangles and children.
    public enum Aggregation: String, Sendable, Hashable, Codable, CaseIterable {
        /// Their sum (0 for a node with nothing in it).
        case sum
        /// The smallest, starting from 2³¹ − 1 (GENIUS's `Integer.MAX_VALUE`).
        case min
        /// The largest, starting from −(2³¹ − 1).
        case max
    }

    /// One condition of a rectangle: the level of an issue lies in an interval.
    public struct Bound: Sendable, Hashable, Codable {
        /// The issue's position in the outcome space.
        public var issue: Int
        /// The levels at which the bound holds (possibly empty: then it never holds).
        public var levels: Range<Int>

        /// Creates a bound that holds when the issue at position `issue` takes one of `levels`.
        public init(issue: Int, levels: Range<Int>) {
            self.issue = issue
            self.levels = levels
        }

        /// Whether the bound holds for an outcome's levels.
        public func holds(for outcomeLevels: [Int]) -> Bool {
            levels.contains(outcomeLevels[issue])
        }
    }

    /// A hyper-rectangle: bounds on some issues, and the utility it brings when satisfied.
    public struct Rectangle: Sendable, Hashable, Codable {
        /// When a rectangle is satisfied.
        public enum Kind: String, Sendable, Hashable, Codable {
            /// When every bound holds (GENIUS's `INCLUDES`); always, when there is no bound.
            case includes
            /// When some bound fails (GENIUS's `EXCLUDES`); never, when there is no bound.
            case excludes
        }

        /// Whether the rectangle is satisfied when all its bounds hold (`includes`) or when one fails (`excludes`).
        public var kind: Kind
        /// The conditions on the outcome's levels, each on one issue.
        public var bounds: [Bound]
        /// The rectangle's `utility` attribute.
        public var utility: Double
        /// The rectangle's `weight` attribute (1 when the file gives none).
        public var weight: Double

        /// Creates a rectangle that adds `utility · weight` to its node when `kind` says it is satisfied.
        public init(kind: Kind, bounds: [Bound], utility: Double, weight: Double = 1) {
            self.kind = kind
            self.bounds = bounds
            self.utility = utility
            self.weight = weight
        }

        /// What the rectangle adds when it is satisfied: `utility · weight`.
        public var contribution: Double { utility * weight }

        /// Whether an outcome (given by its levels) satisfies the rectangle.
        public func isSatisfied(by outcomeLevels: [Int]) -> Bool {
            switch kind {
            case .includes:
                for bound in bounds where !bound.holds(for: outcomeLevels) { return false }
                return true
            case .excludes:
                for bound in bounds where !bound.holds(for: outcomeLevels) { return true }
                return false
            }
        }

        /// `utility · weight` when the outcome satisfies the rectangle, else 0.
        public func value(of outcomeLevels: [Int]) -> Double {
            isSatisfied(by: outcomeLevels) ? utility * weight : 0
        }
    }

    /// A utility function of the tree (GENIUS's `<ufun>`): rectangles and child nodes under one aggregation.
    public struct Node: Sendable, Hashable, Codable {
        /// How the node combines the values of its rectangles and children: their sum, minimum or maximum.
        public var aggregation: Aggregation
        /// The factor a parent applies to this node's value (not applied to the root).
        public var weight: Double
        /// The rectangles directly under this node, each contributing `utility · weight` when satisfied.
        public var rectangles: [Rectangle]
        /// The child nodes, each contributing its own aggregated value times its ``weight``.
        public var children: [Node]

        /// Creates a node from its aggregation, its weight in its parent, its rectangles and its children.
        public init(aggregation: Aggregation, weight: Double = 1, rectangles: [Rectangle] = [], children: [Node] = []) {
            self.aggregation = aggregation
            self.weight = weight
            self.rectangles = rectangles
            self.children = children
        }

        /// GENIUS's starting value: 0 for a sum, 2³¹ − 1 for a minimum, −(2³¹ − 1) for a maximum.
        public static func initialValue(of aggregation: Aggregation) -> Double {
            switch aggregation {
            case .sum: 0
            case .min: 2_147_483_647
            case .max: -2_147_483_647
            }
        }

        /// The node's value for an outcome's levels: its rectangles' contributions, then its children's values
        /// times their weights, aggregated in that order from ``initialValue(of:)``.
        public func value(of outcomeLevels: [Int]) -> Double {
            var result = Self.initialValue(of: aggregation)
            for rectangle in rectangles { combine(&result, rectangle.value(of: outcomeLevels)) }
            for child in children { combine(&result, child.value(of: outcomeLevels) * child.weight) }
            return result
        }

        @inline(__always)
        private func combine(_ result: inout Double, _ value: Double) {
            switch aggregation {
            case .sum: result += value
            case .min: if result > value { result = value }
            case .max: if result < value { result = value }
            }
        }
    }
}
