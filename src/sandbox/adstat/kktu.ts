/**
 * The KKTU catalogue (the ORD's classification of advertised goods). The first group is the page's
 * published example, verbatim; the other groups are the simulator's own, built the same way
 * (tree_id = group·1 000 000 + level2·1 000 + level3, code "g.s.t", uuid-like ids).
 */
import { createHash } from 'node:crypto';
import type { KktuNode } from './types.js';

const DOCUMENTED: KktuNode = {
  id: '0193d46f-1888-7553-8d09-53116794ddb3',
  treeId: 1000000,
  code: '1',
  name: 'АЛКОГОЛЬНЫЕ НАПИТКИ, ТАБАЧНЫЕ ИЗДЕЛИЯ',
  children: [
    {
      id: '0193d46f-1889-7cb1-b1a0-97f889d945ad',
      treeId: 1001000,
      code: '1.1',
      name: 'АЛКОГОЛЬНЫЕ НАПИТКИ',
      children: [
        { id: '0193d46f-1889-7cb1-b1a0-9800191b62e9', treeId: 1001001, code: '1.1.1', name: 'ВИНО', children: [] },
        { id: '0193d46f-1889-7cb1-b1a0-98184fd25317', treeId: 1001002, code: '1.1.2', name: 'КРЕПКИЕ АЛКОГОЛЬНЫЕ НАПИТКИ', children: [] },
        { id: '0193d46f-1889-7cb1-b1a0-982f7acfc72c', treeId: 1001003, code: '1.1.3', name: 'АЛКОГОЛЬНЫЕ НАПИТКИ (РАЗНОЕ)', children: [] },
        { id: '0193d46f-1889-7cb1-b1a0-9830cb4b6bab', treeId: 1001004, code: '1.1.4', name: 'СЛАБОАЛКОГОЛЬНЫЕ НАПИТКИ', children: [] },
      ],
    },
    {
      id: '0193d46f-1889-7cb1-b1a0-9842865b2e1b',
      treeId: 1002000,
      code: '1.2',
      name: 'ТАБАЧНЫЕ ИЗДЕЛИЯ',
      children: [
        { id: '0193d46f-1889-7cb1-b1a0-985cd2f1e210', treeId: 1002001, code: '1.2.1', name: 'ТАБАЧНЫЕ ИЗДЕЛИЯ', children: [] },
      ],
    },
  ],
};

/** [group name, [[second-level name, [third-level names]]]] for groups 2.. */
const MORE: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, readonly string[]]>]> = [
  ['ФИНАНСОВЫЕ УСЛУГИ', [
    ['БАНКОВСКИЕ УСЛУГИ', ['КРЕДИТЫ И ЗАЙМЫ', 'ВКЛАДЫ И СЧЕТА', 'БАНКОВСКИЕ КАРТЫ']],
    ['ИНВЕСТИЦИИ', ['БРОКЕРСКИЕ УСЛУГИ', 'ДОВЕРИТЕЛЬНОЕ УПРАВЛЕНИЕ', 'ЦИФРОВЫЕ ФИНАНСОВЫЕ АКТИВЫ']],
    ['СТРАХОВАНИЕ', ['СТРАХОВАНИЕ ЖИЗНИ И ЗДОРОВЬЯ', 'СТРАХОВАНИЕ ИМУЩЕСТВА', 'АВТОСТРАХОВАНИЕ']],
  ]],
  ['ОБРАЗОВАНИЕ', [
    ['ДОПОЛНИТЕЛЬНОЕ ОБРАЗОВАНИЕ', ['ОНЛАЙН-КУРСЫ', 'ИЗУЧЕНИЕ ИНОСТРАННЫХ ЯЗЫКОВ', 'ПОДГОТОВКА К ЭКЗАМЕНАМ']],
    ['ВЫСШЕЕ И ПРОФЕССИОНАЛЬНОЕ ОБРАЗОВАНИЕ', ['ВЫСШЕЕ ОБРАЗОВАНИЕ', 'СРЕДНЕЕ ПРОФЕССИОНАЛЬНОЕ ОБРАЗОВАНИЕ', 'ПОВЫШЕНИЕ КВАЛИФИКАЦИИ']],
  ]],
  ['ПРОДУКТЫ ПИТАНИЯ', [
    ['ПРОДУКТЫ ПИТАНИЯ', ['МОЛОЧНЫЕ ПРОДУКТЫ', 'МЯСО И МЯСНЫЕ ПРОДУКТЫ', 'КОНДИТЕРСКИЕ ИЗДЕЛИЯ', 'БЕЗАЛКОГОЛЬНЫЕ НАПИТКИ']],
    ['ОБЩЕСТВЕННОЕ ПИТАНИЕ', ['РЕСТОРАНЫ И КАФЕ', 'ДОСТАВКА ГОТОВОЙ ЕДЫ']],
  ]],
  ['ОДЕЖДА, ОБУВЬ И АКСЕССУАРЫ', [
    ['ОДЕЖДА', ['ЖЕНСКАЯ ОДЕЖДА', 'МУЖСКАЯ ОДЕЖДА', 'ДЕТСКАЯ ОДЕЖДА']],
    ['ОБУВЬ', ['ОБУВЬ']],
    ['АКСЕССУАРЫ', ['СУМКИ И КОЖГАЛАНТЕРЕЯ', 'ЧАСЫ', 'ЮВЕЛИРНЫЕ ИЗДЕЛИЯ']],
  ]],
  ['ИНФОРМАЦИОННЫЕ ТЕХНОЛОГИИ', [
    ['ПРОГРАММНОЕ ОБЕСПЕЧЕНИЕ', ['ПРИКЛАДНОЕ ПРОГРАММНОЕ ОБЕСПЕЧЕНИЕ', 'МОБИЛЬНЫЕ ПРИЛОЖЕНИЯ', 'КОМПЬЮТЕРНЫЕ ИГРЫ']],
    ['ИНТЕРНЕТ-СЕРВИСЫ', ['ОБЛАЧНЫЕ СЕРВИСЫ И ХОСТИНГ', 'VPN И СЕРВИСЫ БЕЗОПАСНОСТИ', 'ИНТЕРНЕТ-МАГАЗИНЫ И МАРКЕТПЛЕЙСЫ']],
    ['ЭЛЕКТРОНИКА', ['СМАРТФОНЫ И ПЛАНШЕТЫ', 'КОМПЬЮТЕРЫ И КОМПЛЕКТУЮЩИЕ']],
  ]],
  ['НЕДВИЖИМОСТЬ', [
    ['ЖИЛАЯ НЕДВИЖИМОСТЬ', ['НОВОСТРОЙКИ', 'ВТОРИЧНОЕ ЖИЛЬЁ', 'АРЕНДА ЖИЛЬЯ']],
    ['КОММЕРЧЕСКАЯ НЕДВИЖИМОСТЬ', ['ОФИСНЫЕ ПОМЕЩЕНИЯ', 'ТОРГОВЫЕ ПОМЕЩЕНИЯ']],
  ]],
  ['ТУРИЗМ И ОТДЫХ', [
    ['ТУРИСТИЧЕСКИЕ УСЛУГИ', ['ТУРЫ И ПУТЁВКИ', 'АВИАБИЛЕТЫ', 'БРОНИРОВАНИЕ ГОСТИНИЦ']],
    ['ДОСУГ И РАЗВЛЕЧЕНИЯ', ['КОНЦЕРТЫ И МЕРОПРИЯТИЯ', 'КИНО И ТЕАТРЫ']],
  ]],
  ['ЗДОРОВЬЕ И КРАСОТА', [
    ['МЕДИЦИНСКИЕ УСЛУГИ', ['СТОМАТОЛОГИЯ', 'ДИАГНОСТИКА И АНАЛИЗЫ', 'ТЕЛЕМЕДИЦИНА']],
    ['КОСМЕТИКА И ПАРФЮМЕРИЯ', ['ДЕКОРАТИВНАЯ КОСМЕТИКА', 'УХОДОВАЯ КОСМЕТИКА', 'ПАРФЮМЕРИЯ']],
    ['СПОРТ И ФИТНЕС', ['ФИТНЕС-КЛУБЫ', 'СПОРТИВНОЕ ПИТАНИЕ']],
  ]],
];

/** Stable uuid-like id from the code, in the same shape as the documented ids. */
function nodeId(code: string): string {
  const h = createHash('sha1').update(`kktu:${code}`).digest('hex');
  return `0193d46f-188a-7${h.slice(0, 3)}-b1a0-${h.slice(3, 15)}`;
}

function buildTree(): KktuNode[] {
  const roots: KktuNode[] = [DOCUMENTED];
  MORE.forEach(([groupName, seconds], gi) => {
    const g = gi + 2;
    roots.push({
      id: nodeId(`${g}`),
      treeId: g * 1_000_000,
      code: `${g}`,
      name: groupName,
      children: seconds.map(([secondName, thirds], si) => {
        const s = si + 1;
        return {
          id: nodeId(`${g}.${s}`),
          treeId: g * 1_000_000 + s * 1_000,
          code: `${g}.${s}`,
          name: secondName,
          children: thirds.map((thirdName, ti) => ({
            id: nodeId(`${g}.${s}.${ti + 1}`),
            treeId: g * 1_000_000 + s * 1_000 + ti + 1,
            code: `${g}.${s}.${ti + 1}`,
            name: thirdName,
            children: [],
          })),
        };
      }),
    });
  });
  return roots;
}

export interface KktuEntry {
  node: KktuNode;
  /** 1, 2 or 3. */
  level: number;
}

/** The tree plus an index by id, so create/edit can tell a third-level id from the others. */
export class KktuCatalogue {
  readonly roots: readonly KktuNode[] = buildTree();
  private readonly byId = new Map<string, KktuEntry>();

  constructor() {
    const walk = (node: KktuNode, level: number): void => {
      this.byId.set(node.id, { node, level });
      for (const child of node.children) walk(child, level + 1);
    };
    for (const root of this.roots) walk(root, 1);
  }

  get(id: string): KktuEntry | undefined {
    return this.byId.get(id);
  }

  /** Every third-level node, in tree order (the only ones an ad may use). */
  leaves(): KktuNode[] {
    return [...this.byId.values()].filter((e) => e.level === 3).map((e) => e.node);
  }

  toWire(): unknown {
    const wire = (n: KktuNode): Record<string, unknown> => ({
      id: n.id,
      tree_id: n.treeId,
      code: n.code,
      name: n.name,
      children: n.children.map(wire),
    });
    return { items: this.roots.map(wire) };
  }
}
