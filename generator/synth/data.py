"""Word lists for :mod:`generator.synth`: the 31 mainland provinces with real prefecture-level cities,
a few real districts and counties, names, trades and industries. Synthetic data only."""
from __future__ import annotations

from typing import NamedTuple


class ProvinceInfo(NamedTuple):
    code: str  # GB/T 2260, as in schemas/codelists/provinces.csv
    slug: str  # for announcement ids
    abbr: str  # 简称, for document numbers
    full: str
    weight: int  # how many records it gets, roughly by population and industry
    cities: tuple[str, ...]  # prefecture-level cities (short names, as in the real `city` column); capital first


def _p(code: str, slug: str, abbr: str, full: str, weight: int, cities: str) -> ProvinceInfo:
    return ProvinceInfo(code, slug, abbr, full, weight, tuple(cities.split()))


PROVINCES: tuple[ProvinceInfo, ...] = (
    _p("110000", "beijing", "京", "北京市", 3, "北京"),
    _p("120000", "tianjin", "津", "天津市", 2, "天津"),
    _p("130000", "hebei", "冀", "河北省", 5, "石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水"),
    _p("140000", "shanxi", "晋", "山西省", 3, "太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁"),
    _p("150000", "neimenggu", "蒙", "内蒙古自治区", 2, "呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布"),
    _p("210000", "liaoning", "辽", "辽宁省", 4, "沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛"),
    _p("220000", "jilin", "吉", "吉林省", 2, "长春 吉林 四平 辽源 通化 白山 松原 白城"),
    _p("230000", "heilongjiang", "黑", "黑龙江省", 3, "哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化"),
    _p("310000", "shanghai", "沪", "上海市", 4, "上海"),
    _p("320000", "jiangsu", "苏", "江苏省", 9, "南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁"),
    _p("330000", "zhejiang", "浙", "浙江省", 7, "杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水"),
    _p("340000", "anhui", "皖", "安徽省", 5, "合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城"),
    _p("350000", "fujian", "闽", "福建省", 4, "福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德"),
    _p("360000", "jiangxi", "赣", "江西省", 3, "南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶"),
    _p("370000", "shandong", "鲁", "山东省", 9, "济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽"),
    _p("410000", "henan", "豫", "河南省", 7, "郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店"),
    _p("420000", "hubei", "鄂", "湖北省", 5, "武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州"),
    _p("430000", "hunan", "湘", "湖南省", 5, "长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底"),
    _p("440000", "guangdong", "粤", "广东省", 10, "广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮"),
    _p("450000", "guangxi", "桂", "广西壮族自治区", 3, "南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左"),
    _p("460000", "hainan", "琼", "海南省", 1, "海口 三亚 儋州"),
    _p("500000", "chongqing", "渝", "重庆市", 3, "重庆"),
    _p("510000", "sichuan", "川", "四川省", 6, "成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳"),
    _p("520000", "guizhou", "黔", "贵州省", 2, "贵阳 六盘水 遵义 安顺 毕节 铜仁"),
    _p("530000", "yunnan", "滇", "云南省", 3, "昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧"),
    _p("540000", "xizang", "藏", "西藏自治区", 1, "拉萨 日喀则 昌都 林芝 山南 那曲"),
    _p("610000", "shaanxi", "陕", "陕西省", 3, "西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛"),
    _p("620000", "gansu", "甘", "甘肃省", 2, "兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南"),
    _p("630000", "qinghai", "青", "青海省", 1, "西宁 海东"),
    _p("640000", "ningxia", "宁", "宁夏回族自治区", 1, "银川 石嘴山 吴忠 固原 中卫"),
    _p("650000", "xinjiang", "新", "新疆维吾尔自治区", 2, "乌鲁木齐 克拉玛依 吐鲁番 哈密"),
)

MUNICIPALITIES = {"110000", "120000", "310000", "500000"}  # their own lists say 市级, as in the real data

# Real districts (区) and counties (县, 县级市): (province code, prefecture city, name).
DISTRICTS: tuple[tuple[str, str, str], ...] = (
    ("310000", "上海", "浦东新区"), ("310000", "上海", "闵行区"), ("310000", "上海", "嘉定区"),
    ("110000", "北京", "海淀区"), ("110000", "北京", "朝阳区"), ("120000", "天津", "滨海新区"),
    ("500000", "重庆", "渝北区"), ("440000", "深圳", "南山区"), ("440000", "深圳", "宝安区"),
    ("440000", "广州", "黄埔区"), ("320000", "南京", "江宁区"), ("330000", "杭州", "萧山区"),
    ("330000", "宁波", "北仑区"), ("370000", "青岛", "黄岛区"), ("420000", "武汉", "江夏区"),
)
COUNTIES: tuple[tuple[str, str, str], ...] = (
    ("350000", "福州", "连江县"), ("350000", "福州", "闽侯县"), ("350000", "泉州", "晋江市"),
    ("320000", "苏州", "昆山市"), ("320000", "无锡", "江阴市"), ("320000", "徐州", "沛县"),
    ("330000", "金华", "义乌市"), ("330000", "湖州", "长兴县"), ("370000", "潍坊", "寿光市"),
    ("130000", "唐山", "迁安市"), ("430000", "长沙", "浏阳市"), ("410000", "郑州", "巩义市"),
    ("340000", "合肥", "肥西县"), ("510000", "成都", "简阳市"), ("440000", "清远", "英德市"),
)

# Share of records by level, close to the real register (national ~half, provincial and municipal a
# quarter each, a few district and county records).
LEVEL_WEIGHTS = {"national": 46, "provincial": 26, "municipal": 24, "district": 2, "county": 2}

# (surname, weight): the common surnames, roughly by frequency.
SURNAMES: tuple[tuple[str, int], ...] = tuple(
    (s, w) for w, group in (
        (70, "王 李 张 刘 陈"), (40, "杨 黄 赵 吴 周"), (25, "徐 孙 马 朱 胡 郭 何 高 林 罗"),
        (15, "郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡"),
        (8, "余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤"),
    ) for s in group.split()
)
GIVEN_CHARS = tuple(
    "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志文海林红玉兰春晓东斌波宁鹏辉鑫宇浩凯健俊峰亮成德永忠福荣"
    "生祥庆新金山宏卫民振利清光发长兴立良彬坤翔飞龙云雪梅琴萍燕娟秋锋旭鸿昌盛远航学武树松柏岩晨阳"
)

TRADES = tuple(
    "数控车工 焊工 电工 钳工 汽车维修工 维修电工 车工 铣工 磨工 工具钳工 装配钳工 模具工 机修钳工 化工总控工 "
    "电力线路工 变电站值班员 继电保护员 轨道列车司机 中式烹调师 中式面点师 美发师 茶艺师 砌筑工 钢筋工 起重工 "
    "冷作钣金工 仪器仪表维修工 电子设备装接工 工业机器人系统操作员 无人机驾驶员 农艺工 制茶工 陶瓷工艺师 刺绣工 "
    "木雕工 汽车装调工 铸造工 锻造工 热处理工 数控铣工 电梯安装维修工 锅炉运行值班员 采油工 井下作业工 "
    "光伏电站运维员 网络与信息安全管理员 眼镜验光员 中药调剂员 保健按摩师 家政服务员".split()
)
INDUSTRIES = tuple(
    "机械 电力 化工 建工 交通 冶金 钢铁 能源 电子 纺织 轻工 建材 汽车 轨道交通 水务 港务 石化 医药 食品 航空 "
    "船舶 煤炭 有色金属 装备制造 信息 城建 农垦 物流".split()
)
COMPANY_FORMS = ("集团有限公司", "集团有限公司", "股份有限公司", "有限责任公司", "控股集团有限公司")
SCHOOL_FORMS = ("技师学院", "高级技工学校", "职业技术学院", "技工学校")
