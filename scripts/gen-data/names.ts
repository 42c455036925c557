import { Random } from './random';

/*
 * Names of synthetic companies, agencies, institutes and people, in the scripts real sanctions
 * data uses: Latin, Chinese (hanzi, with pinyin and English forms), Russian Cyrillic (with two
 * transliteration schemes), Persian, Arabic and Korean. Every name is built from parts whose
 * Latin forms are known, so aliases are real translations/transliterations of the name, not
 * random strings. Pure string work from word lists: no per-call transliteration library.
 */

export type Script = 'han' | 'cyrillic' | 'persian' | 'arabic' | 'hangul' | 'latin';

/** Entity kinds as the database spells them. */
export type KindCode = 'COMPANY' | 'GOVERNMENT_AGENCY' | 'PERSON' | 'EDUCATIONAL_INSTITUTION' | 'RESEARCH_INSTITUTE' | 'MILITARY' | 'NGO' | 'OTHER';

export interface GeneratedName {
  name: string;
  aliases: string[];
  /** A Latin-script form (for the slug). */
  latin: string;
  /** English city name when the name placed the entity somewhere. */
  city?: string;
  /** English words describing what it does ("Optoelectronics"), for the description. */
  trade?: string;
}

/** "a:b:c|d:e:f" -> [["a","b","c"],["d","e","f"]]: compact word tables. */
function table(spec: string): string[][] {
  return spec.split('|').map((row) => row.split(':'));
}

const cap = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);
const capWords = (s: string) => s.split(' ').map(cap).join(' ');

// ---------------------------------------------------------------------------------------------
// Chinese
// ---------------------------------------------------------------------------------------------

/** hanzi : pinyin : English */
const CN_CITIES = table(
  '北京:Beijing|上海:Shanghai|深圳:Shenzhen|广州:Guangzhou|杭州:Hangzhou|南京:Nanjing|武汉:Wuhan|成都:Chengdu|西安:Xian|天津:Tianjin|重庆:Chongqing|苏州:Suzhou|合肥:Hefei|长沙:Changsha|青岛:Qingdao|大连:Dalian|厦门:Xiamen|沈阳:Shenyang|哈尔滨:Harbin|乌鲁木齐:Urumqi|郑州:Zhengzhou|济南:Jinan|福州:Fuzhou|昆明:Kunming|无锡:Wuxi|宁波:Ningbo|东莞:Dongguan|珠海:Zhuhai|绵阳:Mianyang|石家庄:Shijiazhuang|喀什:Kashgar|南昌:Nanchang|太原:Taiyuan|贵阳:Guiyang|兰州:Lanzhou',
);
const CN_SYLLABLES = table(
  '华:hua|中:zhong|信:xin|科:ke|达:da|海:hai|天:tian|宏:hong|创:chuang|星:xing|光:guang|龙:long|盛:sheng|通:tong|联:lian|新:xin|瑞:rui|泰:tai|安:an|博:bo|云:yun|智:zhi|航:hang|远:yuan|锐:rui|晶:jing|微:wei|恒:heng|力:li|捷:jie|鑫:xin|兴:xing|德:de|明:ming|辰:chen|峰:feng|汇:hui|宇:yu|金:jin|正:zheng|九:jiu|东:dong|方:fang|威:wei|凯:kai|腾:teng|飞:fei|源:yuan|睿:rui|鼎:ding|启:qi|思:si|诚:cheng|卓:zhuo|拓:tuo|朗:lang|奥:ao|嘉:jia',
);
/** hanzi : pinyin (words space-separated) : English */
const CN_TRADES = table(
  '光电:guangdian:Optoelectronics|电子:dianzi:Electronics|信息技术:xinxi jishu:Information Technology|智能:zhineng:Intelligent Systems|通信:tongxin:Communication|半导体:bandaoti:Semiconductor|微电子:weidianzi:Microelectronics|航空:hangkong:Aviation|航天:hangtian:Aerospace|软件:ruanjian:Software|网络:wangluo:Network|精密机械:jingmi jixie:Precision Machinery|新材料:xin cailiao:New Materials|数据:shuju:Data|安防:anfang:Security|视觉:shijue:Vision|生物:shengwu:Biological|仪器:yiqi:Instrument|无人机:wurenji:UAV|能源:nengyuan:Energy|化工:huagong:Chemical|物流:wuliu:Logistics|贸易:maoyi:Trading|进出口:jinchukou:Import and Export|船舶:chuanbo:Shipbuilding|激光:jiguang:Laser|雷达:leida:Radar|芯片:xinpian:Chip|机器人:jiqiren:Robotics|云计算:yunjisuan:Cloud Computing|基因:jiyin:Genomics|卫星:weixing:Satellite',
);
const CN_FORMS = table(
  '科技有限公司:keji youxian gongsi:Technology Co., Ltd.|有限公司:youxian gongsi:Co., Ltd.|股份有限公司:gufen youxian gongsi:Co., Ltd.|技术有限公司:jishu youxian gongsi:Technology Co., Ltd.|集团有限公司:jituan youxian gongsi:Group Co., Ltd.|有限责任公司:youxian zeren gongsi:Co., Ltd.',
);
const CN_FORM_WEIGHTS = [40, 25, 12, 10, 8, 5];
const CN_BUREAUS = table(
  '公安局:gong an ju:Public Security Bureau|国家安全局:guojia anquan ju:State Security Bureau|商务局:shangwu ju:Bureau of Commerce|监狱管理局:jianyu guanli ju:Prison Administration Bureau|科学技术局:kexue jishu ju:Science and Technology Bureau|工业和信息化局:gongye he xinxihua ju:Bureau of Industry and Information Technology|司法局:sifa ju:Justice Bureau',
);
const CN_GROUPS = table(
  '中国电子科技集团公司:Zhongguo Dianzi Keji Jituan Gongsi:China Electronics Technology Group Corporation|中国航天科工集团:Zhongguo Hangtian Kegong Jituan:China Aerospace Science and Industry Corporation|中国航天科技集团:Zhongguo Hangtian Keji Jituan:China Aerospace Science and Technology Corporation|中国兵器工业集团:Zhongguo Bingqi Gongye Jituan:China North Industries Group|中国航空工业集团:Zhongguo Hangkong Gongye Jituan:Aviation Industry Corporation of China|中国科学院:Zhongguo Kexueyuan:Chinese Academy of Sciences|中国工程物理研究院:Zhongguo Gongcheng Wuli Yanjiuyuan:China Academy of Engineering Physics|中国船舶集团:Zhongguo Chuanbo Jituan:China State Shipbuilding Corporation',
);
const CN_UNIVERSITIES = table(
  '理工大学:ligong daxue:University of Technology|航空航天大学:hangkong hangtian daxue:University of Aeronautics and Astronautics|电子科技大学:dianzi keji daxue:University of Electronic Science and Technology|工业大学:gongye daxue:Polytechnical University|师范大学:shifan daxue:Normal University|科技大学:keji daxue:University of Science and Technology',
);
const CN_SURNAMES = table(
  '王:Wang|李:Li|张:Zhang|刘:Liu|陈:Chen|杨:Yang|黄:Huang|赵:Zhao|吴:Wu|周:Zhou|徐:Xu|孙:Sun|马:Ma|朱:Zhu|胡:Hu|郭:Guo|何:He|高:Gao|林:Lin|罗:Luo|郑:Zheng|梁:Liang|谢:Xie|宋:Song|唐:Tang|韩:Han|冯:Feng|邓:Deng|曹:Cao|彭:Peng',
);
const CN_GIVEN = table(
  '伟:wei|芳:fang|娜:na|敏:min|静:jing|丽:li|强:qiang|磊:lei|军:jun|洋:yang|勇:yong|艳:yan|杰:jie|涛:tao|明:ming|超:chao|秀:xiu|霞:xia|平:ping|刚:gang|辉:hui|建:jian|国:guo|华:hua|海:hai|林:lin|峰:feng|文:wen|志:zhi|东:dong|春:chun|晓:xiao',
);

const CN_DIGITS = '〇一二三四五六七八九';
function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}
function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

function chineseBrand(r: Random): { han: string; pinyin: string } {
  const a = r.pick(CN_SYLLABLES);
  let b = r.pick(CN_SYLLABLES);
  while (b === a) b = r.pick(CN_SYLLABLES);
  return { han: a[0] + b[0], pinyin: cap(a[1] + b[1]) };
}

const cnFormPicker = CN_FORM_WEIGHTS;
function pickWeighted<T>(r: Random, items: readonly T[], weights: readonly number[]): T {
  let total = 0;
  for (const w of weights) total += w;
  let x = r.next() * total;
  for (let i = 0; i < items.length; i++) {
    x -= weights[i];
    if (x < 0) return items[i];
  }
  return items[items.length - 1];
}

function chineseCompany(r: Random, english = 0.65): GeneratedName {
  const city = r.chance(0.75) ? r.pick(CN_CITIES) : null;
  const brand = chineseBrand(r);
  const trade = r.chance(0.85) ? r.pick(CN_TRADES) : null;
  let form = pickWeighted(r, CN_FORMS, cnFormPicker);
  // Not "Information Technology Technology Co., Ltd.": a technology trade takes a plain form.
  if (trade && trade[2].endsWith('Technology') && form[2].startsWith('Technology')) form = CN_FORMS[1];
  const han = `${city ? city[0] : ''}${brand.han}${trade ? trade[0] : ''}${form[0]}`;
  const englishName = [city?.[1], brand.pinyin, trade?.[2], form[2]].filter(Boolean).join(' ');
  const pinyin = capWords([city?.[1].toLowerCase(), brand.pinyin.toLowerCase(), trade?.[1], form[1]].filter(Boolean).join(' '));
  const aliases: string[] = [];
  let name: string;
  if (r.chance(english)) {
    name = englishName;
    aliases.push(han);
  } else {
    name = han;
    aliases.push(englishName);
  }
  if (r.chance(0.45)) aliases.push(pinyin);
  if (r.chance(0.3)) aliases.push(`${brand.pinyin}${trade && r.chance(0.5) ? ` ${trade[2]}` : ''}`);
  return { name, aliases, latin: englishName, city: city?.[1], trade: trade?.[2] };
}

function chinesePerson(r: Random): GeneratedName {
  const s = r.pick(CN_SURNAMES);
  const g1 = r.pick(CN_GIVEN);
  const two = r.chance(0.7);
  const g2 = r.pick(CN_GIVEN);
  const han = s[0] + g1[0] + (two ? g2[0] : '');
  const given = cap(g1[1] + (two ? g2[1] : ''));
  const pinyin = `${s[1]} ${given}`;
  const aliases = r.chance(0.85) ? [han] : [];
  if (r.chance(0.2)) aliases.push(`${given} ${s[1]}`);
  if (r.chance(0.15)) aliases.push(`${s[1].toUpperCase()} ${given}`);
  return r.chance(0.85) ? { name: pinyin, aliases, latin: pinyin } : { name: han, aliases: [pinyin], latin: pinyin };
}

function chineseInstitution(r: Random, kind: KindCode): GeneratedName {
  const city = r.pick(CN_CITIES);
  switch (kind) {
    case 'GOVERNMENT_AGENCY': {
      const b = r.pick(CN_BUREAUS);
      const english = `${city[1]} Municipal ${b[2]}`;
      const han = `${city[0]}市${b[0]}`;
      const aliases = [han];
      if (r.chance(0.4)) aliases.push(capWords(`${city[1].toLowerCase()} shi ${b[1]}`));
      return { name: english, aliases, latin: english, city: city[1] };
    }
    case 'RESEARCH_INSTITUTE': {
      const g = r.pick(CN_GROUPS);
      const n = r.int(1, 79);
      const english = `${g[2]} ${ordinal(n)} Research Institute`;
      const han = `${g[0]}第${chineseNumber(n)}研究所`;
      const short = `${g[2].split(' ').filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('')} ${ordinal(n)} Institute`;
      const primaryEnglish = r.chance(0.8);
      const aliases = [primaryEnglish ? han : english];
      if (r.chance(0.5)) aliases.push(short);
      return { name: primaryEnglish ? english : han, aliases, latin: english, city: city[1] };
    }
    case 'EDUCATIONAL_INSTITUTION': {
      const u = r.pick(CN_UNIVERSITIES);
      const english = `${city[1]} ${u[2]}`;
      const han = `${city[0]}${u[0]}`;
      return { name: english, aliases: [han, capWords(`${city[1].toLowerCase()} ${u[1]}`)], latin: english, city: city[1] };
    }
    case 'MILITARY': {
      const unit = r.int(31001, 96999);
      const english = `People's Liberation Army Unit ${unit}`;
      return { name: english, aliases: [`中国人民解放军${unit}部队`, `PLA Unit ${unit}`], latin: english };
    }
    case 'NGO': {
      const brand = chineseBrand(r);
      const english = `${city[1]} ${brand.pinyin} Friendship Association`;
      return { name: english, aliases: [`${city[0]}${brand.han}友好协会`], latin: english, city: city[1] };
    }
    default:
      return chineseCompany(r);
  }
}

// ---------------------------------------------------------------------------------------------
// Russian (Cyrillic)
// ---------------------------------------------------------------------------------------------

/** Two real-world romanisations: BGN/PCGN-like (Sergey, Yuriy) and the passport one (Sergei, Iurii). */
const CYR_A: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};
const CYR_B: Record<string, string> = { ...CYR_A, ё: 'e', й: 'i', ъ: 'ie', ю: 'iu', я: 'ia' };

export function transliterateCyrillic(text: string, scheme: 'A' | 'B' = 'A'): string {
  const map = scheme === 'A' ? CYR_A : CYR_B;
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const t = map[lower];
    if (t === undefined) out += ch === '«' || ch === '»' ? '"' : ch;
    else out += ch !== lower ? cap(t) : t;
  }
  return out;
}

const RU_PREFIXES = 'Техно|Электро|Радио|Спец|Авиа|Энерго|Пром|Сиб|Урал|Волга|Нева|Микро|Нано|Оптик|Инфо|Гео|Авто|Рос|Мега|Транс|Хим|Стан|Приборо|Телеком|Кибер'.split('|');
const RU_SUFFIXES = 'пром|маш|снаб|сервис|систем|комплекс|тех|трейд|лаб|логистик|строй|импорт|экспорт|прибор|арсенал|ресурс|контакт|инвест'.split('|');
const RU_WORDS = 'Вектор|Альфа|Сигма|Кварц|Импульс|Алмаз|Гранит|Ресурс|Протон|Рубин|Исток|Азимут|Меридиан|Полюс|Стрела|Сокол|Орион|Титан|Квант|Радуга|Гамма|Сапфир|Комета|Восток|Заря'.split('|');
const RU_FORMS = table('ООО:OOO:LLC:Limited Liability Company|АО:AO:JSC:Joint Stock Company|ПАО:PAO:PJSC:Public Joint Stock Company|ЗАО:ZAO:CJSC:Closed Joint Stock Company|НПО:NPO:Research and Production Association:Research and Production Association|НПП:NPP:Research and Production Enterprise:Research and Production Enterprise');
const RU_FORM_WEIGHTS = [55, 20, 5, 8, 6, 6];
const RU_CITIES = table('Москва:Moscow|Санкт-Петербург:Saint Petersburg|Новосибирск:Novosibirsk|Екатеринбург:Yekaterinburg|Казань:Kazan|Нижний Новгород:Nizhny Novgorod|Челябинск:Chelyabinsk|Самара:Samara|Омск:Omsk|Ростов-на-Дону:Rostov-on-Don|Уфа:Ufa|Красноярск:Krasnoyarsk|Пермь:Perm|Воронеж:Voronezh|Томск:Tomsk|Тула:Tula|Ижевск:Izhevsk|Калуга:Kaluga');
const BY_CITIES = table('Минск:Minsk|Гомель:Gomel|Могилёв:Mogilev|Витебск:Vitebsk|Гродно:Grodno|Брест:Brest');
const RU_AGENCIES = table(
  'Министерство обороны:Ministry of Defence|Федеральная служба безопасности:Federal Security Service|Главное разведывательное управление:Main Intelligence Directorate|Федеральная служба исполнения наказаний:Federal Penitentiary Service|Министерство внутренних дел:Ministry of Internal Affairs|Федеральная таможенная служба:Federal Customs Service|Следственный комитет:Investigative Committee|Министерство промышленности и торговли:Ministry of Industry and Trade',
);
const RU_MALE = 'Иван|Алексей|Дмитрий|Сергей|Андрей|Михаил|Николай|Владимир|Александр|Евгений|Олег|Павел|Юрий|Игорь|Виктор|Артём|Максим|Роман|Денис|Григорий'.split('|');
const RU_FEMALE = 'Анна|Елена|Ольга|Наталья|Мария|Татьяна|Ирина|Светлана|Юлия|Екатерина|Валентина|Ксения'.split('|');
const RU_PATRONYMIC_ROOTS = 'Иван|Петр|Сергее|Александр|Владимир|Николае|Виктор|Юрье|Михайл|Андрее|Олег|Борис'.split('|');
const RU_SURNAMES = 'Иванов|Смирнов|Кузнецов|Попов|Васильев|Петров|Соколов|Михайлов|Новиков|Федоров|Морозов|Волков|Алексеев|Лебедев|Семенов|Егоров|Павлов|Козлов|Степанов|Николаев|Орлов|Андреев|Макаров|Никитин|Захаров|Зайцев|Соловьев|Борисов|Яковлев|Григорьев|Белов|Тарасов'.split('|');

function cyrillicBrand(r: Random): string {
  if (r.chance(0.3)) return r.pick(RU_WORDS);
  return r.pick(RU_PREFIXES) + r.pick(RU_SUFFIXES);
}

function cyrillicCompany(r: Random, country: string | null): GeneratedName {
  const brand = cyrillicBrand(r);
  const form = pickWeighted(r, RU_FORMS, RU_FORM_WEIGHTS);
  const latinBrand = transliterateCyrillic(brand, 'A');
  const cyr = `${form[0]} «${brand}»`;
  const english = form[2].length <= 4 ? `${latinBrand} ${form[2]}` : `${form[2]} ${latinBrand}`;
  const aliases: string[] = [];
  let name: string;
  if (r.chance(0.55)) {
    name = english;
    aliases.push(cyr);
  } else {
    name = cyr;
    aliases.push(english);
  }
  if (r.chance(0.4)) aliases.push(`${form[1]} ${latinBrand}`);
  if (r.chance(0.2)) aliases.push(`${form[3]} ${latinBrand}`);
  const alt = transliterateCyrillic(brand, 'B');
  if (alt !== latinBrand && r.chance(0.5)) aliases.push(`${form[1]} ${alt}`);
  const city = r.pick(country === 'BY' ? BY_CITIES : RU_CITIES);
  return { name, aliases, latin: english, city: city[1] };
}

function cyrillicPerson(r: Random): GeneratedName {
  const female = r.chance(0.25);
  const first = r.pick(female ? RU_FEMALE : RU_MALE);
  const root = r.pick(RU_PATRONYMIC_ROOTS);
  // Roots ending in a vowel ("Сергее", "Юрье") take -вич/-вна, the others -ович/-овна.
  const vowel = root.endsWith('е');
  const patronymic = root + (female ? (vowel ? 'вна' : 'овна') : vowel ? 'вич' : 'ович');
  const surname = r.pick(RU_SURNAMES) + (female ? 'а' : '');
  const cyr = `${first} ${patronymic} ${surname}`;
  const a = transliterateCyrillic(cyr, 'A');
  const b = transliterateCyrillic(cyr, 'B');
  const aliases = [cyr];
  if (b !== a) aliases.push(b);
  if (r.chance(0.3)) aliases.push(transliterateCyrillic(`${surname} ${first}`, 'A'));
  return r.chance(0.75) ? { name: a, aliases, latin: a } : { name: cyr, aliases: [a, ...aliases.slice(1)], latin: a };
}

function cyrillicInstitution(r: Random, kind: KindCode, country: string | null): GeneratedName {
  const city = r.pick(country === 'BY' ? BY_CITIES : RU_CITIES);
  switch (kind) {
    case 'GOVERNMENT_AGENCY': {
      const a = r.pick(RU_AGENCIES);
      const cyr = `${a[0]} — управление по г. ${city[0]}`;
      const english = `${a[1]} Directorate for ${city[1]}`;
      return r.chance(0.7) ? { name: english, aliases: [cyr], latin: english, city: city[1] } : { name: cyr, aliases: [english], latin: english, city: city[1] };
    }
    case 'MILITARY': {
      const unit = r.int(10000, 99999);
      return { name: `Military Unit ${unit}`, aliases: [`Войсковая часть ${unit}`, `V/Ch ${unit}`], latin: `Military Unit ${unit}` };
    }
    case 'RESEARCH_INSTITUTE': {
      const brand = cyrillicBrand(r);
      const latin = transliterateCyrillic(brand);
      const english = `${latin} Research Institute`;
      return { name: english, aliases: [`НИИ «${brand}»`, `Nauchno-Issledovatelsky Institut ${latin}`], latin: english, city: city[1] };
    }
    case 'EDUCATIONAL_INSTITUTION': {
      const surname = r.pick(RU_SURNAMES);
      const english = `${transliterateCyrillic(surname)} State Technical University`;
      return { name: english, aliases: [`Государственный технический университет имени ${surname}а`], latin: english, city: city[1] };
    }
    case 'NGO': {
      const brand = cyrillicBrand(r);
      const english = `${transliterateCyrillic(brand)} Foundation`;
      return { name: english, aliases: [`Фонд «${brand}»`], latin: english, city: city[1] };
    }
    default:
      return cyrillicCompany(r, country);
  }
}

// ---------------------------------------------------------------------------------------------
// Persian and Arabic
// ---------------------------------------------------------------------------------------------

const FA_BRANDS = table('پارس:Pars|کیش:Kish|آریا:Arya|سپهر:Sepehr|پیشگامان:Pishgaman|نوآوران:Noavaran|تدبیر:Tadbir|البرز:Alborz|زاگرس:Zagros|مهر:Mehr|آسمان:Asman|شهاب:Shahab|نیرو:Niru|فجر:Fajr|سینا:Sina|رایان:Rayan|دانا:Dana|تابان:Taban|افق:Ofogh|کاوه:Kaveh|آرمان:Arman|بهین:Behin|پویا:Pouya|سامان:Saman');
/** Persian : transliteration : English */
const FA_TRADES = table(
  'صنایع الکترونیک:Sanaye Electronic:Electronics Industries|مهندسی:Mohandesi:Engineering|بازرگانی:Bazargani:Trading|فناوری اطلاعات:Fanavari Etelaat:Information Technology|صنایع هوایی:Sanaye Havai:Aviation Industries|پتروشیمی:Petroshimi:Petrochemical|کشتیرانی:Keshtirani:Shipping|صنایع دفاع:Sanaye Defa:Defence Industries|نفت:Naft:Oil|ارتباطات:Ertebatat:Communications|فولاد:Fulad:Steel|قطعات صنعتی:Ghataat Sanati:Industrial Parts',
);
const FA_CITIES = table('تهران:Tehran|اصفهان:Isfahan|مشهد:Mashhad|تبریز:Tabriz|شیراز:Shiraz|کرج:Karaj|قم:Qom|اهواز:Ahvaz|یزد:Yazd|بندرعباس:Bandar Abbas');
const FA_AGENCIES = table('سازمان صنایع هوایی:Aerospace Industries Organization|سازمان صنایع دفاع:Defence Industries Organization|وزارت اطلاعات:Ministry of Intelligence|سازمان انرژی اتمی:Atomic Energy Organization|نیروی انتظامی:Law Enforcement Command|سازمان زندان‌ها:Prisons Organization|سازمان پدافند غیرعامل:Passive Defense Organization');
const FA_FIRST = table('محمد:Mohammad:Muhammad|علی:Ali:Ali|حسین:Hossein:Hosein|رضا:Reza:Reza|مهدی:Mahdi:Mehdi|حسن:Hassan:Hasan|امیر:Amir:Amir|سعید:Saeed:Said|مجید:Majid:Majid|فاطمه:Fatemeh:Fatima|زهرا:Zahra:Zahra|مریم:Maryam:Maryam|جواد:Javad:Javad|محسن:Mohsen:Mohsen');
const FA_LAST = table('رضایی:Rezaei:Rezaee|احمدی:Ahmadi:Ahmadi|محمدی:Mohammadi:Mohamadi|حسینی:Hosseini:Hoseini|کریمی:Karimi:Karimi|موسوی:Mousavi:Musavi|جعفری:Jafari:Jaafari|صادقی:Sadeghi:Sadeqi|رحیمی:Rahimi:Rahimi|قاسمی:Ghasemi:Qasemi|نوری:Nouri:Nuri|طاهری:Taheri:Taheri|شریفی:Sharifi:Sharifi|بابایی:Babaei:Babaee');

const AR_BRANDS = table('الشام:Al-Sham|الفرات:Al-Furat|النور:Al-Nour|الأمل:Al-Amal|الرافدين:Al-Rafidain|السلام:Al-Salam|الخليج:Al-Khaleej|البركة:Al-Baraka|الأرز:Al-Arz|الهدى:Al-Huda|الفجر:Al-Fajr|الصفا:Al-Safa|الوطن:Al-Watan|النخيل:Al-Nakheel|القمة:Al-Qimma|الريان:Al-Rayyan');
/** Arabic : transliteration : English */
const AR_TRADES = table(
  'للتجارة:lil-Tijara:Trading|للتكنولوجيا:lil-Teknolojia:Technology|للصناعات:lil-Sinaat:Industries|للنفط:lil-Naft:Oil|للإلكترونيات:lil-Iliktroniyat:Electronics|للشحن:lil-Shahn:Shipping|للصرافة:lil-Sirafa:Exchange|للاستثمار:lil-Istithmar:Investment|للمقاولات:lil-Muqawalat:Contracting|للاتصالات:lil-Ittisalat:Telecommunications',
);
const AR_CITIES: Record<string, string[][]> = {
  SY: table('دمشق:Damascus|حلب:Aleppo|حمص:Homs|اللاذقية:Latakia|حماة:Hama'),
  IQ: table('بغداد:Baghdad|البصرة:Basra|الموصل:Mosul|أربيل:Erbil'),
  LB: table('بيروت:Beirut|صيدا:Sidon|طرابلس:Tripoli'),
  AE: table('دبي:Dubai|أبوظبي:Abu Dhabi|الشارقة:Sharjah|عجمان:Ajman'),
  YE: table('صنعاء:Sanaa|عدن:Aden|الحديدة:Hodeidah'),
};
const AR_DEFAULT_CITIES = table('القاهرة:Cairo|عمّان:Amman|الدوحة:Doha|مسقط:Muscat|الخرطوم:Khartoum|طرابلس:Tripoli');
const AR_AGENCIES = table('إدارة المخابرات العامة:General Intelligence Directorate|وزارة الدفاع:Ministry of Defence|وزارة الداخلية:Ministry of Interior|مركز الدراسات والبحوث العلمية:Scientific Studies and Research Center|هيئة الصناعات العسكرية:Military Industries Authority|مديرية الأمن السياسي:Political Security Directorate');
const AR_FIRST = table('محمد:Muhammad:Mohammed|أحمد:Ahmad:Ahmed|علي:Ali:Aly|خالد:Khaled:Khalid|عمر:Omar:Umar|يوسف:Yousef:Yusuf|إبراهيم:Ibrahim:Ebrahim|حسن:Hassan:Hasan|سامر:Samer:Samir|رامي:Rami:Ramy|فادي:Fadi:Fady|ليلى:Layla:Leila|رنا:Rana:Rana|مازن:Mazen:Mazin');
const AR_LAST = table('حداد:Haddad:Hadad|خوري:Khoury:Khuri|الحسن:al-Hassan:Al Hasan|العلي:al-Ali:Al Ali|الخطيب:al-Khatib:Al Khateeb|الشامي:al-Shami:Al Shamy|عثمان:Othman:Uthman|سليمان:Suleiman:Sulayman|الزين:al-Zein:Al Zain|النجار:al-Najjar:Al Najar|الحلبي:al-Halabi:Al Halaby|التميمي:al-Tamimi:Al Tamimy|الجبوري:al-Jubouri:Al Jaburi|العبيدي:al-Obeidi:Al Ubaydi');

const AR_FORMS: Record<string, string> = { LB: 'S.A.L.', AE: 'FZE', SY: 'LLC', IQ: 'Ltd.', YE: 'Ltd.' };

function persianCompany(r: Random): GeneratedName {
  const brand = r.pick(FA_BRANDS);
  const trade = r.pick(FA_TRADES);
  const native = `شرکت ${trade[0]} ${brand[0]}`;
  const english = `${brand[1]} ${trade[2]} Company`;
  const translit = `Sherkat-e ${trade[1]} ${brand[1]}`;
  const aliases: string[] = [];
  let name: string;
  if (r.chance(0.6)) {
    name = english;
    aliases.push(native);
  } else {
    name = native;
    aliases.push(english);
  }
  if (r.chance(0.5)) aliases.push(translit);
  if (r.chance(0.25)) aliases.push(`${brand[1]} ${trade[2]} Co.`);
  return { name, aliases, latin: english, city: r.pick(FA_CITIES)[1], trade: trade[2] };
}

function arabicCompany(r: Random, country: string | null): GeneratedName {
  const brand = r.pick(AR_BRANDS);
  const trade = r.pick(AR_TRADES);
  const native = `شركة ${brand[0]} ${trade[0]}`;
  const form = AR_FORMS[country ?? ''] ?? 'Company';
  const english = `${brand[1]} ${trade[2]} ${form}`;
  const aliases: string[] = [];
  let name: string;
  if (r.chance(0.6)) {
    name = english;
    aliases.push(native);
  } else {
    name = native;
    aliases.push(english);
  }
  if (r.chance(0.4)) aliases.push(`Sharikat ${brand[1]} ${trade[1]}`);
  if (r.chance(0.2)) aliases.push(brand[1].replace('Al-', 'El '));
  const city = r.pick(AR_CITIES[country ?? ''] ?? AR_DEFAULT_CITIES);
  return { name, aliases, latin: english, city: city[1], trade: trade[2] };
}

function personOf(r: Random, first: string[][], last: string[][]): GeneratedName {
  const f = r.pick(first);
  const l = r.pick(last);
  const native = `${f[0]} ${l[0]}`;
  const latin = `${f[1]} ${l[1]}`;
  const aliases = [native];
  if (f[2] !== f[1] || l[2] !== l[1]) aliases.push(`${f[2]} ${l[2]}`);
  return r.chance(0.8) ? { name: latin, aliases, latin } : { name: native, aliases: [latin, ...aliases.slice(1)], latin };
}

function persianInstitution(r: Random, kind: KindCode): GeneratedName {
  const city = r.pick(FA_CITIES);
  const brand = r.pick(FA_BRANDS);
  switch (kind) {
    case 'GOVERNMENT_AGENCY': {
      const a = r.pick(FA_AGENCIES);
      return { name: `${a[1]}, ${city[1]} Branch`, aliases: [`${a[0]} - ${city[0]}`], latin: `${a[1]} ${city[1]}`, city: city[1] };
    }
    case 'MILITARY':
      return { name: `${brand[1]} Headquarters`, aliases: [`قرارگاه ${brand[0]}`, `Gharargah-e ${brand[1]}`], latin: `${brand[1]} Headquarters`, city: city[1] };
    case 'RESEARCH_INSTITUTE':
      return { name: `${brand[1]} Research Institute`, aliases: [`پژوهشکده ${brand[0]}`], latin: `${brand[1]} Research Institute`, city: city[1] };
    case 'EDUCATIONAL_INSTITUTION':
      return { name: `${brand[1]} University of Technology`, aliases: [`دانشگاه صنعتی ${brand[0]}`], latin: `${brand[1]} University of Technology`, city: city[1] };
    case 'NGO':
      return { name: `${brand[1]} Charitable Foundation`, aliases: [`بنیاد خیریه ${brand[0]}`], latin: `${brand[1]} Charitable Foundation`, city: city[1] };
    default:
      return persianCompany(r);
  }
}

function arabicInstitution(r: Random, kind: KindCode, country: string | null): GeneratedName {
  const city = r.pick(AR_CITIES[country ?? ''] ?? AR_DEFAULT_CITIES);
  const brand = r.pick(AR_BRANDS);
  switch (kind) {
    case 'GOVERNMENT_AGENCY': {
      const a = r.pick(AR_AGENCIES);
      return { name: `${a[1]}, ${city[1]} Branch`, aliases: [`${a[0]} - فرع ${city[0]}`], latin: `${a[1]} ${city[1]}`, city: city[1] };
    }
    case 'MILITARY': {
      const n = r.int(1, 180);
      return { name: `Brigade ${n}`, aliases: [`اللواء ${n}`, `Liwa ${n}`], latin: `Brigade ${n}`, city: city[1] };
    }
    case 'RESEARCH_INSTITUTE':
      return { name: `${brand[1]} Research Center`, aliases: [`مركز ${brand[0]} للبحوث`], latin: `${brand[1]} Research Center`, city: city[1] };
    case 'EDUCATIONAL_INSTITUTION':
      return { name: `${city[1]} University of Technology`, aliases: [`جامعة ${city[0]} التقنية`], latin: `${city[1]} University of Technology`, city: city[1] };
    case 'NGO':
      return { name: `${brand[1]} Charity Association`, aliases: [`جمعية ${brand[0]} الخيرية`], latin: `${brand[1]} Charity Association`, city: city[1] };
    default:
      return arabicCompany(r, country);
  }
}

// ---------------------------------------------------------------------------------------------
// Korean
// ---------------------------------------------------------------------------------------------

const KO_BRANDS = table('련봉:Ryonbong|광명:Kwangmyong|대성:Taesong|만수대:Mansudae|금강:Kumgang|백두:Paektu|룡악:Ryongak|청송:Chongsong|해금강:Haegumgang|신흥:Sinhung|칠성:Chilsong|부강:Pugang|명진:Myongjin|은하:Unha|단군:Tangun|새별:Saebyol|조명:Jomyong|릉라:Rungra');
const KO_TRADES = table('무역:Muyok:Trading|총:Chong:General|기술:Kisul:Technology|광업:Kwangop:Mining|해운:Haeun:Shipping|전자:Jonja:Electronics|기계:Kigye:Machinery|개발:Kaebal:Development');
const KO_SURNAMES = table('김:Kim|리:Ri|박:Pak|최:Choe|정:Jong|강:Kang|한:Han|오:O|윤:Yun|장:Jang');
const KO_GIVEN = table('철:Chol|성:Song|영:Yong|일:Il|남:Nam|혁:Hyok|진:Jin|명:Myong|수:Su|호:Ho|광:Kwang|국:Kuk|현:Hyon|옥:Ok');

function koreanName(r: Random, kind: KindCode): GeneratedName {
  if (kind === 'PERSON') {
    const s = r.pick(KO_SURNAMES);
    const a = r.pick(KO_GIVEN);
    const b = r.pick(KO_GIVEN);
    const latin = `${s[1]} ${a[1]} ${b[1]}`;
    const aliases = [s[0] + a[0] + b[0], `${s[1]} ${a[1]}-${b[1].toLowerCase()}`];
    return { name: latin, aliases, latin, city: 'Pyongyang' };
  }
  const brand = r.pick(KO_BRANDS);
  if (kind === 'MILITARY' || kind === 'GOVERNMENT_AGENCY') {
    const unit = r.int(100, 999);
    const latin = kind === 'MILITARY' ? `Korean People's Army Unit ${unit}` : `${brand[1]} Bureau ${unit}`;
    const native = kind === 'MILITARY' ? `조선인민군 제${unit}군부대` : `${brand[0]}${unit}국`;
    return { name: latin, aliases: [native], latin, city: 'Pyongyang' };
  }
  if (kind === 'RESEARCH_INSTITUTE' || kind === 'EDUCATIONAL_INSTITUTION') {
    const latin = `${brand[1]} ${kind === 'RESEARCH_INSTITUTE' ? 'Research Institute' : 'University'}`;
    return { name: latin, aliases: [`${brand[0]}${kind === 'RESEARCH_INSTITUTE' ? '연구소' : '대학'}`], latin, city: 'Pyongyang' };
  }
  const trade = r.pick(KO_TRADES);
  const english = `Korea ${brand[1]} ${trade[2]} Corporation`;
  const native = `조선${brand[0]}${trade[0]}회사`;
  const aliases = [native];
  if (r.chance(0.5)) aliases.push(`Choson ${brand[1]} ${trade[1]} Hoesa`);
  if (r.chance(0.3)) aliases.push(`${brand[1]} ${trade[2]} Company`);
  return r.chance(0.8) ? { name: english, aliases, latin: english, city: 'Pyongyang', trade: trade[2] } : { name: native, aliases: [english, ...aliases.slice(1)], latin: english, city: 'Pyongyang', trade: trade[2] };
}

// ---------------------------------------------------------------------------------------------
// Latin script
// ---------------------------------------------------------------------------------------------

const LA_PREFIXES = 'Nova|Sino|Astra|Vertex|Global|Trans|Inter|Micro|Quantum|Opti|Hyper|Poly|Omni|Terra|Aero|Cyber|Data|Info|Mega|Neo|Prime|Silver|Star|Sun|Blue|Green|Delta|Apex|Arc|Nexus|Orion|Titan|Zen|Falcon|Eagle|Crown|Golden|Pacific|Atlas|Vega|Lumen|Helix|Pioneer|Vector|Sigma|Kappa|Boreal|Cobalt|Zenith|Meridian'.split('|');
const LA_SUFFIXES = 'tek|tron|net|soft|link|com|max|sys|wave|logic|gen|ware|tronics|vision|line|star|path|point|core|field|gate|works|dyne|ix|on|ex|ia|ar|ium|ford|mont|well'.split('|');
const LA_TRADES = 'Electronics|Technologies|Systems|Trading|Logistics|Engineering|Industries|Aviation|Marine|Components|Solutions|Instruments|Semiconductors|Telecom|Security|Machinery|Chemicals|Energy|Precision|Optics|Supply|Shipping|Defense|Microsystems|Imaging|Networks'.split('|');
const LA_FORMS: Record<string, string[]> = {
  DE: ['GmbH', 'AG', 'GmbH & Co. KG'],
  AT: ['GmbH'],
  CH: ['AG', 'SA', 'GmbH'],
  FR: ['SAS', 'SARL', 'S.A.'],
  IT: ['S.r.l.', 'S.p.A.'],
  NL: ['B.V.'],
  SG: ['Pte. Ltd.'],
  MY: ['Sdn. Bhd.'],
  AE: ['FZE', 'LLC', 'General Trading LLC', 'FZCO'],
  TR: ['A.Ş.', 'Ltd. Şti.', 'Sanayi ve Ticaret A.Ş.'],
  VE: ['C.A.', 'S.A.'],
  CU: ['S.A.'],
  NI: ['S.A.'],
  MM: ['Co., Ltd.', 'Company Limited'],
  TH: ['Co., Ltd.'],
  PK: ['(Pvt.) Ltd.', 'Pvt Ltd'],
  IN: ['Pvt. Ltd.', 'Limited'],
  US: ['Inc.', 'LLC', 'Corp.', 'Corporation'],
  GB: ['Ltd', 'Limited', 'PLC'],
  HK: ['Limited', 'Co., Limited', 'Holdings Limited'],
  MO: ['Limited'],
  TW: ['Co., Ltd.', 'Corporation'],
  KZ: ['LLP', 'JSC'],
  CA: ['Inc.', 'Ltd.'],
  JP: ['Co., Ltd.', 'K.K.'],
  KR: ['Co., Ltd.'],
  RU: ['LLC', 'OOO', 'JSC'],
  BY: ['OOO', 'JSC'],
};
const LA_DEFAULT_FORMS = ['Ltd.', 'Limited', 'Company', 'LLC', 'Co., Ltd.', 'Inc.'];
const LA_CITIES: Record<string, string[]> = {
  HK: ['Hong Kong', 'Kowloon', 'Tsuen Wan'],
  AE: ['Dubai', 'Sharjah', 'Abu Dhabi', 'Ajman'],
  TR: ['Istanbul', 'Ankara', 'Izmir', 'Bursa'],
  VE: ['Caracas', 'Maracaibo', 'Valencia'],
  MM: ['Yangon', 'Naypyidaw', 'Mandalay'],
  PK: ['Karachi', 'Lahore', 'Islamabad', 'Rawalpindi'],
  SG: ['Singapore'],
  MY: ['Kuala Lumpur', 'Penang', 'Johor Bahru'],
  TH: ['Bangkok'],
  IN: ['Mumbai', 'New Delhi', 'Bengaluru', 'Chennai'],
  US: ['New York', 'Houston', 'Miami', 'San Jose'],
  GB: ['London', 'Manchester'],
  DE: ['Hamburg', 'Munich', 'Berlin'],
  CU: ['Havana'],
  KZ: ['Almaty', 'Astana'],
  TW: ['Taipei', 'Hsinchu', 'Taichung'],
  MO: ['Macau'],
};

interface PersonNames {
  first: string[];
  last: string[];
  /** Spanish style: two surnames. */
  double?: boolean;
  /** Burmese style: two or three given names, no surname. */
  given?: boolean;
}
const PEOPLE: Record<string, PersonNames> = {
  english: { first: 'John|David|Michael|James|Robert|Sarah|Emma|Peter|Thomas|Daniel|Mark|Paul|Laura|Anna|Richard|Steven'.split('|'), last: 'Smith|Brown|Wilson|Taylor|Clark|Walker|Wright|Hughes|Evans|Turner|Baker|Carter|Hall|Young|Mitchell|Harris'.split('|') },
  spanish: { first: 'José|Carlos|Luis|Juan|Miguel|Jorge|Pedro|María|Ana|Carmen|Rosa|Diego|Rafael|Alejandro'.split('|'), last: 'García|Rodríguez|Martínez|Hernández|López|González|Pérez|Sánchez|Ramírez|Torres|Flores|Rivera|Díaz|Moreno|Castillo'.split('|'), double: true },
  turkish: { first: 'Mehmet|Mustafa|Ahmet|Ali|Hüseyin|Hasan|İbrahim|Murat|Ayşe|Fatma|Emine|Zeynep|Emre|Burak'.split('|'), last: 'Yılmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Yıldırım|Öztürk|Aydın|Özdemir|Arslan|Doğan|Koç|Kurt'.split('|') },
  burmese: { first: 'Aung|Kyaw|Min|Thant|Zaw|Htun|Win|Myint|Soe|Tun|Maung|Naing|Thein|Hla|Khin|Nyunt|Than|Zin'.split('|'), last: [], given: true },
  german: { first: 'Thomas|Michael|Andreas|Stefan|Klaus|Jürgen|Anna|Petra|Wolfgang|Sabine'.split('|'), last: 'Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann'.split('|') },
  southAsian: { first: 'Muhammad|Ahmed|Imran|Asif|Tariq|Rajesh|Amit|Sanjay|Ayesha|Fatima|Priya|Bilal|Usman'.split('|'), last: 'Khan|Malik|Qureshi|Hussain|Sharma|Patel|Gupta|Singh|Chaudhry|Butt|Iqbal|Mehta'.split('|') },
  cantonese: { first: 'Ka Ming|Wai Man|Chi Keung|Siu Ling|Kwok Wah|Mei Ling|Chun Kit|Ho Yin|Wing Sze|Tak Shing'.split('|'), last: 'Chan|Wong|Leung|Cheung|Lau|Lee|Ho|Ng|Tsang|Yeung'.split('|') },
};
const PEOPLE_BY_COUNTRY: Record<string, string> = {
  VE: 'spanish', CU: 'spanish', NI: 'spanish', MX: 'spanish', CO: 'spanish', BO: 'spanish', AR: 'spanish', ES: 'spanish',
  TR: 'turkish', MM: 'burmese', DE: 'german', AT: 'german', CH: 'german', PK: 'southAsian', IN: 'southAsian', BD: 'southAsian', AF: 'southAsian',
  HK: 'cantonese', MO: 'cantonese',
};

function latinBrand(r: Random): string {
  const roll = r.next();
  if (roll < 0.55) return r.pick(LA_PREFIXES) + r.pick(LA_SUFFIXES);
  if (roll < 0.8) return `${r.pick(LA_PREFIXES)} ${cap(r.pick(LA_SUFFIXES))}`;
  return `${r.pick(LA_PREFIXES)}${r.pick(LA_PREFIXES).toLowerCase()}`;
}

export function cityFor(r: Random, country: string | null): string | undefined {
  if (!country) return undefined;
  if (country === 'CN') return r.pick(CN_CITIES)[1];
  if (country === 'RU') return r.pick(RU_CITIES)[1];
  if (country === 'BY') return r.pick(BY_CITIES)[1];
  if (country === 'IR') return r.pick(FA_CITIES)[1];
  if (country === 'KP') return 'Pyongyang';
  const arabic = AR_CITIES[country];
  if (arabic) return r.pick(arabic)[1];
  const latin = LA_CITIES[country];
  return latin ? r.pick(latin) : undefined;
}

function latinCompany(r: Random, country: string | null, kind: KindCode): GeneratedName {
  const brand = latinBrand(r);
  const city = cityFor(r, country);
  const trade = r.chance(0.75) ? r.pick(LA_TRADES) : undefined;
  let name: string;
  if (kind === 'NGO') name = `${brand} ${r.pick(['Foundation', 'Friendship Association', 'Institute for Strategic Studies', 'Trust'])}`;
  else if (kind === 'OTHER' && r.chance(0.6)) name = `${r.pick(['M/V', 'MV', 'M/T'])} ${brand.toUpperCase()} ${r.int(1, 9)}`;
  else {
    const form = r.pick(LA_FORMS[country ?? ''] ?? LA_DEFAULT_FORMS);
    name = [city && r.chance(0.2) ? city : undefined, brand, trade, form].filter(Boolean).join(' ');
  }
  const aliases: string[] = [];
  if (r.chance(0.3)) aliases.push(trade ? `${brand} ${trade}` : brand);
  if (r.chance(0.12)) aliases.push(`${latinBrand(r)} ${trade ?? 'Company'}`); // a former name
  if (r.chance(0.08)) aliases.push(name.toUpperCase());
  return { name, aliases, latin: name, city, trade };
}

function latinPerson(r: Random, country: string | null): GeneratedName {
  const names = PEOPLE[PEOPLE_BY_COUNTRY[country ?? ''] ?? 'english'];
  let name: string;
  if (names.given) name = [r.pick(names.first), r.pick(names.first), ...(r.chance(0.5) ? [r.pick(names.first)] : [])].join(' ');
  else if (names.double) name = `${r.pick(names.first)} ${r.pick(names.last)} ${r.pick(names.last)}`;
  else name = `${r.pick(names.first)} ${r.pick(names.last)}`;
  const aliases: string[] = [];
  if (r.chance(0.2)) aliases.push(name.toUpperCase());
  if (names.double && r.chance(0.4)) aliases.push(name.split(' ').slice(0, 2).join(' '));
  return { name, aliases, latin: name };
}

function latinInstitution(r: Random, kind: KindCode, country: string | null, countryName: string | null): GeneratedName {
  const brand = latinBrand(r);
  const city = cityFor(r, country) ?? countryName ?? brand;
  let name: string;
  if (!countryName && (kind === 'GOVERNMENT_AGENCY' || kind === 'MILITARY')) {
    name = `${brand} ${kind === 'MILITARY' ? r.pick(['Brigade', 'Battalion', 'Militia']) : r.pick(['Authority', 'Directorate', 'Security Office'])}`;
    return { name, aliases: [], latin: name };
  }
  const of = countryName && /^(United|Netherlands|Philippines|Czech|Dominican|Central African|Bahamas|Gambia|Maldives)/.test(countryName) ? `the ${countryName}` : countryName;
  switch (kind) {
    case 'GOVERNMENT_AGENCY':
      name = `${r.pick(['Ministry of Defence', 'Ministry of Interior', 'State Security Service', 'Directorate of Military Intelligence', 'Customs Service', 'National Police', 'Ministry of Industry'])} of ${of}${r.chance(0.4) ? ` (${city} Office)` : ''}`;
      break;
    case 'MILITARY':
      name = `${countryName} Armed Forces ${r.pick(['Unit', 'Brigade', 'Regiment', 'Battalion'])} ${r.int(1, 999)}`;
      break;
    case 'RESEARCH_INSTITUTE':
      name = `${brand} ${r.pick(['Research Institute', 'Research Center', 'Laboratories', 'Institute of Applied Physics'])}`;
      break;
    case 'EDUCATIONAL_INSTITUTION':
      name = `${city} ${r.pick(['University of Technology', 'Institute of Technology', 'Polytechnic University', 'University of Engineering'])}`;
      break;
    default:
      return latinCompany(r, country, kind);
  }
  return { name, aliases: r.chance(0.15) ? [name.toUpperCase()] : [], latin: name, city };
}

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

const ARABIC_COUNTRIES = new Set(['SY', 'IQ', 'LB', 'YE', 'SA', 'JO', 'EG', 'PS', 'LY', 'SD', 'OM', 'QA', 'KW', 'BH', 'DZ', 'MA', 'TN']);
const CYRILLIC_COUNTRIES = new Set(['RU', 'BY', 'KZ', 'KG', 'TJ']);

/** The script an entity of this country is named in. */
export function scriptFor(r: Random, country: string | null): Script {
  if (!country) return 'latin';
  if (country === 'CN') return 'han';
  if (country === 'HK' || country === 'MO' || country === 'TW') return r.chance(0.35) ? 'han' : 'latin';
  if (CYRILLIC_COUNTRIES.has(country)) return country === 'RU' || country === 'BY' || r.chance(0.5) ? 'cyrillic' : 'latin';
  if (country === 'IR' || country === 'AF') return country === 'IR' || r.chance(0.3) ? 'persian' : 'latin';
  if (country === 'AE') return r.chance(0.4) ? 'arabic' : 'latin';
  if (ARABIC_COUNTRIES.has(country)) return 'arabic';
  if (country === 'KP') return 'hangul';
  return 'latin';
}

/** A name, aliases and a Latin form for an entity of this kind, country (and its English name) and script. */
export function entityName(r: Random, kind: KindCode, country: string | null, countryName: string | null, script: Script): GeneratedName {
  const person = kind === 'PERSON';
  switch (script) {
    case 'han':
      if (person) return chinesePerson(r);
      return kind === 'COMPANY' || kind === 'OTHER' ? chineseCompany(r, country === 'CN' ? 0.65 : 0.9) : chineseInstitution(r, kind);
    case 'cyrillic':
      if (person) return cyrillicPerson(r);
      return kind === 'COMPANY' || kind === 'OTHER' ? cyrillicCompany(r, country) : cyrillicInstitution(r, kind, country);
    case 'persian':
      if (person) return personOf(r, FA_FIRST, FA_LAST);
      return kind === 'COMPANY' || kind === 'OTHER' ? persianCompany(r) : persianInstitution(r, kind);
    case 'arabic':
      if (person) return personOf(r, AR_FIRST, AR_LAST);
      return kind === 'COMPANY' || kind === 'OTHER' ? arabicCompany(r, country) : arabicInstitution(r, kind, country);
    case 'hangul':
      return koreanName(r, kind);
    default:
      if (person) return latinPerson(r, country);
      return kind === 'COMPANY' || kind === 'OTHER' || kind === 'NGO' ? latinCompany(r, country, kind) : latinInstitution(r, kind, country, countryName);
  }
}

/** "Shenzhen Huaxin Co., Ltd." -> "shenzhen-huaxin-co-ltd" (ASCII, at most `max` characters). */
export function slugPart(latin: string, max = 48): string {
  const ascii = latin
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii.slice(0, max).replace(/-+$/, '') || 'entity';
}
