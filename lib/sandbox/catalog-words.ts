// Words the catalog generator builds names from, each in English and Chinese.

export type Word = { en: string; zh: string };

/** Top-level departments, each with the product kinds that become its leaf categories and titles. */
export const DEPARTMENTS: readonly { name: Word; products: readonly Word[] }[] = [
  {
    name: { en: "Home & Kitchen", zh: "家居厨房" },
    products: [
      { en: "Mug", zh: "马克杯" },
      { en: "Teapot", zh: "茶壶" },
      { en: "Knife Set", zh: "刀具套装" },
      { en: "Cutting Board", zh: "砧板" },
      { en: "Storage Jar", zh: "储物罐" },
      { en: "Frying Pan", zh: "煎锅" },
      { en: "Towel", zh: "毛巾" },
      { en: "Desk Lamp", zh: "台灯" },
    ],
  },
  {
    name: { en: "Electronics", zh: "电子产品" },
    products: [
      { en: "Headphones", zh: "耳机" },
      { en: "Power Bank", zh: "充电宝" },
      { en: "Charger", zh: "充电器" },
      { en: "Speaker", zh: "音箱" },
      { en: "Keyboard", zh: "键盘" },
      { en: "Mouse", zh: "鼠标" },
      { en: "USB Cable", zh: "数据线" },
      { en: "Smart Watch", zh: "智能手表" },
    ],
  },
  {
    name: { en: "Fashion", zh: "服装服饰" },
    products: [
      { en: "T-Shirt", zh: "T恤" },
      { en: "Jacket", zh: "夹克" },
      { en: "Scarf", zh: "围巾" },
      { en: "Sneakers", zh: "运动鞋" },
      { en: "Backpack", zh: "双肩包" },
      { en: "Hat", zh: "帽子" },
      { en: "Socks", zh: "袜子" },
      { en: "Dress", zh: "连衣裙" },
    ],
  },
  {
    name: { en: "Sports & Outdoors", zh: "运动户外" },
    products: [
      { en: "Yoga Mat", zh: "瑜伽垫" },
      { en: "Water Bottle", zh: "水壶" },
      { en: "Tent", zh: "帐篷" },
      { en: "Dumbbell", zh: "哑铃" },
      { en: "Bike Light", zh: "自行车灯" },
      { en: "Hiking Poles", zh: "登山杖" },
      { en: "Jump Rope", zh: "跳绳" },
      { en: "Sleeping Bag", zh: "睡袋" },
    ],
  },
  {
    name: { en: "Beauty", zh: "美妆个护" },
    products: [
      { en: "Face Cream", zh: "面霜" },
      { en: "Lipstick", zh: "口红" },
      { en: "Hair Dryer", zh: "吹风机" },
      { en: "Shampoo", zh: "洗发水" },
      { en: "Perfume", zh: "香水" },
      { en: "Nail Polish", zh: "指甲油" },
      { en: "Sunscreen", zh: "防晒霜" },
      { en: "Comb", zh: "梳子" },
    ],
  },
  {
    name: { en: "Toys & Games", zh: "玩具游戏" },
    products: [
      { en: "Building Blocks", zh: "积木" },
      { en: "Jigsaw Puzzle", zh: "拼图" },
      { en: "Plush Toy", zh: "毛绒玩具" },
      { en: "Toy Car", zh: "玩具车" },
      { en: "Board Game", zh: "桌游" },
      { en: "Kite", zh: "风筝" },
      { en: "Doll", zh: "娃娃" },
      { en: "Drawing Set", zh: "画画套装" },
    ],
  },
];

/** Second-level groups inside a department. */
export const GROUPS: readonly Word[] = [
  { en: "Everyday", zh: "日常" },
  { en: "Premium", zh: "精品" },
  { en: "Outdoor", zh: "户外" },
  { en: "Kids", zh: "儿童" },
  { en: "Travel", zh: "旅行" },
  { en: "Professional", zh: "专业" },
];

export const ADJECTIVES: readonly Word[] = [
  { en: "Compact", zh: "便携" },
  { en: "Classic", zh: "经典" },
  { en: "Deluxe", zh: "豪华" },
  { en: "Eco", zh: "环保" },
  { en: "Smart", zh: "智能" },
  { en: "Vintage", zh: "复古" },
  { en: "Ultra-light", zh: "超轻" },
  { en: "Heavy-duty", zh: "加厚" },
];

export const COLOURS: readonly Word[] = [
  { en: "Black", zh: "黑色" },
  { en: "White", zh: "白色" },
  { en: "Red", zh: "红色" },
  { en: "Blue", zh: "蓝色" },
  { en: "Green", zh: "绿色" },
  { en: "Grey", zh: "灰色" },
  { en: "Pink", zh: "粉色" },
  { en: "Yellow", zh: "黄色" },
];

export const MATERIALS: readonly Word[] = [
  { en: "Cotton", zh: "棉" },
  { en: "Polyester", zh: "涤纶" },
  { en: "Steel", zh: "钢" },
  { en: "Aluminium", zh: "铝" },
  { en: "Plastic", zh: "塑料" },
  { en: "Wood", zh: "木" },
  { en: "Glass", zh: "玻璃" },
  { en: "Silicone", zh: "硅胶" },
  { en: "Leather", zh: "皮革" },
];

export const CONDITIONS: readonly Word[] = [
  { en: "New", zh: "全新" },
  { en: "Used", zh: "二手" },
  { en: "Refurbished", zh: "翻新" },
];

export const BRANDS: readonly string[] = ["Nordvik", "Hanwei", "Solara", "Kestrel", "Maple & Co", "Tianyu", "Brightline", "Orbis", "Lumen", "Zhongxing"];
