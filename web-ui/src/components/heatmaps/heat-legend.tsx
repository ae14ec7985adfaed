import { formatInteger } from '../../format';
import { rampCss } from '../../heatmaps/palette';

interface LegendProps {
  /** The heaviest spot's points: what full red stands for. */
  max: number;
  unit: string;
  shared?: boolean;
}

/** The colour ramp and what its ends stand for. */
export function HeatLegend({ max, unit, shared = false }: LegendProps) {
  return (
    <div class="heat-legend" id="heat-legend">
      <div class="heat-legend-bar" style={{ background: rampCss() }} aria-hidden="true" />
      <div class="heat-legend-scale">
        <span>Fewer {unit}</span>
        <span title="The most in one spot">{max > 0 ? `${formatInteger(max)} in one spot` : 'No data'}</span>
      </div>
      {shared ? <p class="heat-legend-note">Both maps use the same colour scale.</p> : null}
    </div>
  );
}

/** The scroll map's legend: colour by the share of page views that reached a depth. */
export function ReachLegend() {
  return (
    <div class="heat-legend" id="heat-legend">
      <div class="heat-legend-bar" style={{ background: rampCss() }} aria-hidden="true" />
      <div class="heat-legend-scale">
        <span>0 % reached</span>
        <span>100 % of page views</span>
      </div>
    </div>
  );
}
