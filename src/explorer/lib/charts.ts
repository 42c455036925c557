// echarts, with only the parts the explorer draws (keeps the bundle small).
import { BarChart, CustomChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, CustomChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, MarkAreaComponent, CanvasRenderer]);

export { echarts };

/** Inits a chart on `el` that follows the window's size; returns it and its cleanup. */
export function responsiveChart(el: HTMLElement): { chart: echarts.ECharts; dispose: () => void } {
  const chart = echarts.init(el, undefined, { renderer: 'canvas' });
  const onResize = () => chart.resize();
  window.addEventListener('resize', onResize);
  return {
    chart,
    dispose: () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    },
  };
}
