// A utility square drawn in SVG: two parties' utilities from 0 to 1, their reservation lines, the Pareto
// frontier, the bargaining solutions and any points (offers); every mark has a <title> and the colours come from
// classes in app.css, so nothing here needs an inline style.

const NS = 'http://www.w3.org/2000/svg';
const LEFT = 56;
const TOP = 16;
const SIZE = 460;

/** Creates an SVG element with attributes under a parent. */
export function svgElement(name, attributes, parent) {
  const element = document.createElementNS(NS, name);
  for (const [key, value] of Object.entries(attributes || {})) element.setAttribute(key, String(value));
  if (parent) parent.appendChild(element);
  return element;
}

/** The square: create it in a container, then draw layers that can be redrawn independently. */
export class UtilitySquare {
  constructor(container, label) {
    container.replaceChildren();
    this.svg = svgElement('svg', {
      viewBox: `0 0 ${LEFT + SIZE + 16} ${TOP + SIZE + 48}`, role: 'img', 'aria-label': label, class: 'square-svg',
    }, container);
    this.axes = svgElement('g', {}, this.svg);
    this.layers = {};
    for (const name of ['reservations', 'frontier', 'points', 'solutions']) {
      this.layers[name] = svgElement('g', { class: name }, this.svg);
    }
  }

  x(u) { return LEFT + SIZE * u; }

  y(u) { return TOP + SIZE * (1 - u); }

  /** The grid, the ticks and the axis labels. */
  drawAxes(xName, yName) {
    this.axes.replaceChildren();
    for (let step = 0; step <= 10; step += 1) {
      const v = step / 10;
      svgElement('line', { x1: this.x(v), y1: TOP, x2: this.x(v), y2: TOP + SIZE, class: 'grid' }, this.axes);
      svgElement('line', { x1: LEFT, y1: this.y(v), x2: LEFT + SIZE, y2: this.y(v), class: 'grid' }, this.axes);
      if (step % 2 === 0) {
        svgElement('text', { x: this.x(v), y: TOP + SIZE + 16, class: 'tick middle' }, this.axes).textContent = v.toFixed(1);
        svgElement('text', { x: LEFT - 6, y: this.y(v) + 4, class: 'tick end' }, this.axes).textContent = v.toFixed(1);
      }
    }
    svgElement('rect', { x: LEFT, y: TOP, width: SIZE, height: SIZE, class: 'frame' }, this.axes);
    svgElement('text', { x: this.x(0.5), y: TOP + SIZE + 38, class: 'axis middle' }, this.axes).textContent =
      `Utility of ${xName} →`;
    const yLabel = svgElement('text', {
      x: 16, y: this.y(0.5), class: 'axis middle', transform: `rotate(-90 16 ${this.y(0.5)})`,
    }, this.axes);
    yLabel.textContent = `Utility of ${yName} →`;
  }

  /** The two reservation lines and the region where both plotted parties accept. */
  drawReservations(xReservation, yReservation) {
    const layer = this.layers.reservations;
    layer.replaceChildren();
    svgElement('rect', {
      x: this.x(xReservation), y: TOP, width: Math.max(0, this.x(1) - this.x(xReservation)),
      height: Math.max(0, this.y(yReservation) - TOP), class: 'acceptable',
    }, layer);
    svgElement('line', { x1: this.x(xReservation), y1: TOP, x2: this.x(xReservation), y2: TOP + SIZE, class: 'reservation' }, layer);
    svgElement('line', { x1: LEFT, y1: this.y(yReservation), x2: LEFT + SIZE, y2: this.y(yReservation), class: 'reservation' }, layer);
  }

  /** Clears a layer. */
  clear(layer) { this.layers[layer].replaceChildren(); }

  /** A point in a layer: a circle with a title; returns it so callers can add listeners. */
  point(layer, u, v, className, title, radius = 4) {
    const circle = svgElement('circle', { cx: this.x(u), cy: this.y(v), r: radius, class: className }, this.layers[layer]);
    svgElement('title', {}, circle).textContent = title;
    return circle;
  }

  /** A solution's marker: a hollow diamond with a title. */
  solution(u, v, name, title) {
    const cx = this.x(u);
    const cy = this.y(v);
    const mark = svgElement('path', {
      d: `M${cx} ${cy - 8}L${cx + 8} ${cy}L${cx} ${cy + 8}L${cx - 8} ${cy}Z`, class: 'solution', 'data-name': name,
    }, this.layers.solutions);
    svgElement('title', {}, mark).textContent = title;
    return mark;
  }
}
