import { DEFECT_NAMES, type DefectName } from '../../tools/inspection/engine/defect-types';
import { DEFECT_COLOURS } from './defect-colours';
import styles from './board-viewer.module.css';

/** A detected defect as the viewer needs it: a box in image pixels, a class and a confidence. */
export type ViewerDefect = { x1: number; y1: number; x2: number; y2: number; name: DefectName; confidence: number };

export type BoardViewerProps = {
  testHref: string;
  templateHref: string;
  widthPx: number;
  heightPx: number;
  defects: readonly ViewerDefect[];
};

/**
 * The test image with each defect's box drawn over it, coloured by class, beside the template.
 * Boxes are SVG in the image's pixel coordinates, so they stay on the defect at any display size.
 */
export function BoardViewer({ testHref, templateHref, widthPx, heightPx, defects }: BoardViewerProps) {
  const strokePx = Math.max(2, Math.round(widthPx / 320));
  const present = new Set(defects.map((d) => d.name));
  return (
    <div className={styles.viewer}>
      <figure className={styles.frame}>
        <svg viewBox={`0 0 ${widthPx} ${heightPx}`} role="img" aria-label={`Test image with ${defects.length} defect boxes`}>
          <image href={testHref} x={0} y={0} width={widthPx} height={heightPx} />
          {defects.map((defect, index) => (
            <g key={index} data-defect={defect.name}>
              <rect
                x={defect.x1}
                y={defect.y1}
                width={defect.x2 - defect.x1}
                height={defect.y2 - defect.y1}
                fill="none"
                stroke={DEFECT_COLOURS[defect.name]}
                strokeWidth={strokePx}
              />
              <text x={defect.x1 + 2} y={Math.max(12, defect.y1 - 4)} fill={DEFECT_COLOURS[defect.name]} fontSize={Math.max(12, strokePx * 6)} fontWeight={600}>
                {index + 1} {defect.name}
              </text>
              <title>{`${defect.name}, confidence ${Math.round(defect.confidence * 100)} %`}</title>
            </g>
          ))}
        </svg>
        <figcaption className={styles.caption}>
          Test image, {defects.length === 0 ? 'no defects' : `${defects.length} defect${defects.length === 1 ? '' : 's'}`}
        </figcaption>
      </figure>
      <figure className={styles.frame}>
        <svg viewBox={`0 0 ${widthPx} ${heightPx}`} role="img" aria-label="Template image">
          <image href={templateHref} x={0} y={0} width={widthPx} height={heightPx} />
        </svg>
        <figcaption className={styles.caption}>Template (defect-free reference)</figcaption>
      </figure>
      <div>
        <ul className={styles.legend} aria-label="Defect classes">
          {DEFECT_NAMES.map((name) => (
            <li key={name} style={{ opacity: present.has(name) ? 1 : 0.45 }}>
              <span className={styles.swatch} style={{ background: DEFECT_COLOURS[name] }} />
              {name}
            </li>
          ))}
        </ul>
        {defects.length > 0 && (
          <table className={styles.defects}>
            <thead>
              <tr>
                <th>#</th>
                <th>Class</th>
                <th>Box (x1, y1 – x2, y2 px)</th>
                <th>Confidence</th>
              </tr>
            </thead>
            <tbody>
              {defects.map((defect, index) => (
                <tr key={index}>
                  <td className={styles.number}>{index + 1}</td>
                  <td>{defect.name}</td>
                  <td>
                    {defect.x1}, {defect.y1} – {defect.x2}, {defect.y2}
                  </td>
                  <td className={styles.number}>{Math.round(defect.confidence * 100)} %</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
