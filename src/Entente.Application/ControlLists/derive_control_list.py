#!/usr/bin/env python3
"""Derives uk-control-list-2018.csv (shipped, embedded) from the UK government's published
control-list snapshot uk_control_list_entries_2018.csv. Usage:
    python3 derive_control_list.py SOURCE.csv > uk-control-list-2018.csv
See README.md in this folder for what is kept and why."""
import csv
import re
import sys

ENTRY = re.compile(r'^(ML\d+|PL\d{4}|\d[A-E]\d{3})([a-z]|\d+)*$')

# Russian titles of the Munitions List categories (Wassenaar ML1-ML22), written for this project.
RU = {
    'ML1': 'Гладкоствольное оружие калибром менее 20 мм, иное оружие и автоматическое оружие калибром 12,7 мм и менее',
    'ML2': 'Гладкоствольное оружие калибром 20 мм и более, иное оружие калибром более 12,7 мм',
    'ML3': 'Боеприпасы и устройства установки взрывателей',
    'ML4': 'Бомбы, торпеды, реактивные снаряды, ракеты, иные взрывные устройства и заряды',
    'ML5': 'Аппаратура управления огнём и связанное с ней оборудование оповещения и предупреждения',
    'ML6': 'Наземные транспортные средства и их компоненты',
    'ML7': 'Химические или биологические токсичные вещества, вещества для борьбы с беспорядками',
    'ML8': 'Энергетические материалы',
    'ML9': 'Военные корабли, специальное военно-морское оборудование',
    'ML10': 'Летательные аппараты, аппараты легче воздуха, беспилотные летательные аппараты, авиационные двигатели',
    'ML11': 'Электронное оборудование (включая средства радиоэлектронной борьбы), космические аппараты',
    'ML12': 'Кинетические системы оружия с высокой скоростью поражения',
    'ML13': 'Бронированное или защитное оборудование',
    'ML14': 'Специализированное оборудование для военной подготовки или моделирования',
    'ML15': 'Оборудование формирования изображения или противодействия',
    'ML16': 'Поковки, отливки и иные незавершённые изделия',
    'ML17': 'Различное оборудование, материалы и библиотеки',
    'ML18': 'Производственное оборудование и компоненты',
    'ML19': 'Системы оружия направленной энергии',
    'ML20': 'Криогенное и сверхпроводящее оборудование',
    'ML21': 'Программное обеспечение',
    'ML22': 'Технология',
}

# ML14 is missing from the 2018 snapshot (a gap in the published extract, not a deletion from the list).
SUPPLEMENT = [
    ('ML14', '', 'Military', 2, '"Specialised equipment for military training" or for simulating military scenarios',
     'ML14 "Specialised equipment for military training" or for simulating military scenarios, simulators specially designed for training in the use of any firearm or weapon specified by ML1 or ML2, and specially designed components and accessories therefor. (Added from the Wassenaar Munitions List: absent from the 2018 snapshot.)'),
]


def parent_of(code):
    m = re.match(r'^(ML\d+|PL\d{4}|\d[A-E]\d{3})((?:[a-z]|\d+)*)$', code)
    head, tail = m.group(1), m.group(2)
    parts = re.findall(r'[a-z]|\d+', tail)
    if not parts:
        return ''
    return head + ''.join(parts[:-1])


def main(source):
    rows = list(csv.DictReader(open(source, encoding='utf-8', newline='')))
    kept = {}
    order = []
    for r in rows:
        code = r['rating'].strip()
        if not code or not ENTRY.match(code):
            continue  # headings: section titles and bare category numbers, not ratable entries
        lst = 'Military' if r['category'] == 'UK Military List' else 'DualUse'
        title = ' '.join(r['nav_text'].split())
        legal = r['legal_text'].strip()
        if code in kept:
            k = kept[code]
            if title and title not in k['title'].split(' | '):
                k['title'] += ' | ' + title
            if legal and legal not in k['legal']:
                k['legal'] += '\n' + legal
            continue
        kept[code] = {'code': code, 'parent': parent_of(code), 'list': lst, 'depth': r['depth'], 'title': title, 'legal': legal}
        order.append(code)
    for code, parent, lst, depth, title, legal in SUPPLEMENT:
        if code not in kept:
            kept[code] = {'code': code, 'parent': parent, 'list': lst, 'depth': str(depth), 'title': title, 'legal': legal}
            order.append(code)
    w = csv.writer(sys.stdout, lineterminator='\n')
    w.writerow(['code', 'parent', 'list', 'title', 'title_ru', 'legal_text'])
    for code in order:
        k = kept[code]
        parent = k['parent']
        while parent and parent not in kept:
            parent = parent_of(parent)  # nearest listed ancestor: the snapshot skips a few intermediate entries
        w.writerow([k['code'], parent, k['list'], k['title'], RU.get(code, ''), k['legal']])


if __name__ == '__main__':
    main(sys.argv[1])
