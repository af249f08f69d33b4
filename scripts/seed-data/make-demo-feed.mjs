// Generates demo/feeds/tin-tuc.rss.xml and demo/img/placeholder-*.svg (synthetic data). Run: node scripts/seed-data/make-demo-feed.mjs
import { writeFileSync } from 'node:fs';
const H = 'https://tinhnha.example';
// [id, sectionSlug, section, title, summary, daysAgo, hour, tags[], author]
const A = [
  [
    'an-ninh-nong-thon-moi-2026',
    'an-ninh-trat-tu',
    'An ninh trật tự',
    'Giữ vững an ninh trật tự ở các xã nông thôn mới',
    'Nhiều xã nông thôn mới trong tỉnh phát huy vai trò công an xã chính quy, tổ tự quản và camera an ninh để giữ vững an ninh trật tự, để người dân yên tâm lao động sản xuất.',
    1,
    8,
    ['an ninh trật tự', 'nông thôn mới', 'công an xã'],
    'Hà Phương',
  ],
  [
    'camera-an-ninh-thon-xom',
    'an-ninh-trat-tu',
    'An ninh trật tự',
    'Lắp camera an ninh ở thôn xóm: “mắt thần” giữ bình yên nông thôn',
    'Hơn 300 camera an ninh do người dân góp tiền lắp đặt đã giúp công an xã phát hiện, xử lý nhiều vụ trộm cắp, giữ vững an ninh trật tự ở các thôn.',
    4,
    15,
    ['an ninh trật tự', 'camera an ninh', 'nông thôn mới'],
    'Minh Châu',
  ],
  [
    'cong-an-xa-chinh-quy',
    'an-ninh-trat-tu',
    'An ninh trật tự',
    'Công an xã chính quy bám cơ sở, bảo đảm an ninh trật tự nông thôn',
    'Sau ba năm bố trí công an xã chính quy, tình hình an ninh trật tự ở địa bàn nông thôn chuyển biến rõ rệt, tội phạm và tệ nạn xã hội giảm.',
    8,
    9,
    ['công an xã', 'an ninh trật tự'],
    'Hà Phương',
  ],
  [
    'to-tu-quan-an-ninh',
    'an-ninh-trat-tu',
    'An ninh trật tự',
    'Tổ tự quản an ninh trật tự phát huy hiệu quả ở xã nông thôn mới kiểu mẫu',
    'Các tổ tự quản về an ninh trật tự ở khu dân cư cùng công an xã tuần tra ban đêm, hòa giải mâu thuẫn ngay từ cơ sở.',
    13,
    10,
    ['an ninh trật tự', 'tổ tự quản', 'nông thôn mới'],
    'Quốc Việt',
  ],
  [
    'tieu-chi-an-ninh-nong-thon-moi',
    'thoi-su',
    'Thời sự',
    'Tiêu chí an ninh trật tự trong xây dựng nông thôn mới nâng cao',
    'Tỉnh yêu cầu các xã đạt chuẩn nông thôn mới nâng cao phải giữ vững tiêu chí an ninh trật tự, không để xảy ra điểm nóng, tội phạm nghiêm trọng.',
    19,
    14,
    ['nông thôn mới', 'an ninh trật tự'],
    'Thu Hằng',
  ],

  [
    'thanh-hoa-mua-lu-ngap-lut',
    'thoi-su',
    'Thời sự',
    'Mưa lũ gây ngập lụt nhiều huyện miền núi Thanh Hóa',
    'Mưa lớn kéo dài khiến nước sông Mã dâng cao, hàng nghìn ngôi nhà ở các huyện miền núi Thanh Hóa bị ngập lụt, nhiều tuyến đường bị chia cắt.',
    2,
    7,
    ['Thanh Hóa', 'mưa lũ', 'ngập lụt'],
    'Lê Hoàng',
  ],
  [
    'thanh-hoa-so-tan-dan',
    'thoi-su',
    'Thời sự',
    'Thanh Hóa sơ tán hàng trăm hộ dân khỏi vùng nguy cơ sạt lở do mưa lũ',
    'Chính quyền các huyện miền núi Thanh Hóa di dời khẩn cấp người dân vùng có nguy cơ sạt lở đất và lũ quét trong đợt mưa lũ lịch sử.',
    3,
    18,
    ['Thanh Hóa', 'mưa lũ', 'sạt lở'],
    'Lê Hoàng',
  ],
  [
    'ho-tro-vung-lu-thanh-hoa',
    'thoi-su',
    'Thời sự',
    'Hỗ trợ người dân vùng lũ Thanh Hóa khắc phục hậu quả mưa lũ',
    'Nhiều đoàn thiện nguyện mang gạo, nước sạch và thuốc men đến với bà con vùng lũ Thanh Hóa sau đợt ngập lụt kéo dài.',
    5,
    11,
    ['Thanh Hóa', 'mưa lũ', 'cứu trợ'],
    'Ngọc Anh',
  ],
  [
    'thanh-hoa-khoi-phuc-giao-thong-sau-lu',
    'thoi-su',
    'Thời sự',
    'Thanh Hóa khẩn trương khôi phục giao thông sau lũ',
    'Ngành giao thông Thanh Hóa huy động máy móc thông tuyến các điểm sạt lở, bảo đảm đi lại cho người dân sau mưa lũ.',
    6,
    16,
    ['Thanh Hóa', 'giao thông', 'mưa lũ'],
    'Lê Hoàng',
  ],

  [
    'truong-hoc-dat-chuan-quoc-gia',
    'giao-duc',
    'Giáo dục',
    'Thêm 12 trường học đạt chuẩn quốc gia trong năm học mới',
    'Ngành giáo dục tỉnh công nhận thêm 12 trường học đạt chuẩn quốc gia, nâng tỷ lệ trường chuẩn ở bậc tiểu học và trung học cơ sở.',
    7,
    9,
    ['trường học', 'giáo dục', 'học sinh'],
    'Thanh Tâm',
  ],
  [
    'thieu-giao-vien-mam-non',
    'giao-duc',
    'Giáo dục',
    'Thiếu giáo viên mầm non, nhiều trường học phải ghép lớp',
    'Năm học mới, nhiều trường mầm non thiếu giáo viên nên phải ghép lớp, giáo viên làm thêm giờ để bảo đảm việc chăm sóc học sinh.',
    10,
    8,
    ['giáo viên', 'trường học', 'mầm non'],
    'Thanh Tâm',
  ],
  [
    'xay-phong-hoc-vung-cao',
    'giao-duc',
    'Giáo dục',
    'Xây mới phòng học cho học sinh vùng cao trước mùa mưa',
    'Hơn 40 phòng học kiên cố được xây mới ở các điểm trường vùng cao, giúp học sinh không còn học trong lớp tạm mỗi mùa mưa.',
    15,
    10,
    ['trường học', 'học sinh', 'vùng cao'],
    'Đức Minh',
  ],
  [
    'an-toan-hoc-sinh-den-truong',
    'giao-duc',
    'Giáo dục',
    'Bảo đảm an toàn cho học sinh trên đường đến trường',
    'Các trường học phối hợp với phụ huynh nhắc nhở học sinh đội mũ bảo hiểm, không đi xe máy khi chưa đủ tuổi trên đường đến trường.',
    21,
    7,
    ['học sinh', 'trường học', 'an toàn giao thông'],
    'Thanh Tâm',
  ],

  [
    'thu-hoach-lua-mua',
    'nong-nghiep-nong-thon',
    'Nông nghiệp - Nông thôn',
    'Nông dân phấn khởi thu hoạch lúa mùa được giá',
    'Vụ lúa mùa năm nay năng suất đạt khá, giá lúa tại ruộng tăng so với năm trước nên nông dân phấn khởi thu hoạch.',
    2,
    12,
    ['lúa gạo', 'thu hoạch', 'nông dân'],
    'Văn Tuấn',
  ],
  [
    'co-gioi-hoa-thu-hoach-lua',
    'nong-nghiep-nong-thon',
    'Nông nghiệp - Nông thôn',
    'Cơ giới hóa khâu thu hoạch lúa giúp nông dân giảm chi phí',
    'Máy gặt đập liên hợp thay thế lao động thủ công, giúp nông dân thu hoạch lúa nhanh, giảm thất thoát và chi phí thuê nhân công.',
    9,
    15,
    ['lúa gạo', 'thu hoạch', 'cơ giới hóa'],
    'Văn Tuấn',
  ],
  [
    'lien-ket-tieu-thu-lua-gao',
    'nong-nghiep-nong-thon',
    'Nông nghiệp - Nông thôn',
    'Liên kết sản xuất, tiêu thụ lúa gạo cho nông dân',
    'Hợp tác xã ký hợp đồng bao tiêu lúa gạo với doanh nghiệp, nông dân yên tâm sản xuất lúa theo quy trình an toàn.',
    14,
    9,
    ['lúa gạo', 'hợp tác xã', 'nông dân'],
    'Hồng Nhung',
  ],
  [
    'giong-lua-chat-luong-cao',
    'nong-nghiep-nong-thon',
    'Nông nghiệp - Nông thôn',
    'Mở rộng diện tích giống lúa chất lượng cao vụ đông xuân',
    'Ngành nông nghiệp khuyến khích nông dân gieo cấy giống lúa chất lượng cao, hướng tới vùng lúa gạo hàng hóa cho thu nhập tốt hơn.',
    20,
    8,
    ['lúa gạo', 'giống lúa', 'nông dân'],
    'Văn Tuấn',
  ],

  [
    'dong-a-thanh-hoa-thang-nguoc',
    'the-thao',
    'Thể thao',
    'Đông Á Thanh Hóa thắng ngược trên sân nhà ở V.League',
    'Hai cầu thủ trẻ ghi bàn giúp đội bóng xứ Thanh lội ngược dòng thắng 2-1 trước đội khách phía Nam, leo lên nhóm đầu bảng xếp hạng V.League.',
    1,
    21,
    ['bóng đá', 'V.League'],
    'Đăng Khoa',
  ],
  [
    'doi-tuyen-viet-nam-hoi-quan',
    'the-thao',
    'Thể thao',
    'Đội tuyển bóng đá Việt Nam hội quân chuẩn bị cho ASEAN Cup',
    'Huấn luyện viên trưởng triệu tập 30 cầu thủ, trong đó có nhiều gương mặt trẻ từ các đội bóng V.League, chuẩn bị cho ASEAN Cup.',
    5,
    19,
    ['bóng đá', 'đội tuyển Việt Nam'],
    'Đăng Khoa',
  ],
  [
    'giai-bong-da-thieu-nien',
    'the-thao',
    'Thể thao',
    'Khai mạc giải bóng đá thiếu niên nhi đồng cấp tỉnh',
    'Giải bóng đá thiếu niên nhi đồng quy tụ 16 đội bóng, là sân chơi để phát hiện cầu thủ trẻ cho bóng đá tỉnh nhà.',
    11,
    16,
    ['bóng đá', 'thiếu niên'],
    'Đăng Khoa',
  ],
  [
    'v-league-cuoc-dua-tru-hang',
    'the-thao',
    'Thể thao',
    'V.League: cuộc đua trụ hạng nóng dần sau vòng 10',
    'Khoảng cách giữa các đội bóng cuối bảng xếp hạng V.League chỉ còn một điểm, cuộc đua trụ hạng của bóng đá Việt Nam trở nên khốc liệt.',
    16,
    22,
    ['bóng đá', 'V.League'],
    'Đăng Khoa',
  ],

  [
    'tiem-chung-soi',
    'y-te',
    'Y tế',
    'Tăng tốc tiêm chủng vắc xin sởi cho trẻ em',
    'Ngành y tế tổ chức tiêm bổ sung vắc xin sởi cho trẻ dưới 5 tuổi ở các xã có tỷ lệ tiêm chủng thấp.',
    3,
    9,
    ['y tế', 'tiêm chủng'],
    'Bảo Ngọc',
  ],
  [
    'phong-chong-sot-xuat-huyet',
    'y-te',
    'Y tế',
    'Số ca mắc sốt xuất huyết tăng, y tế cơ sở ra quân diệt lăng quăng',
    'Trung tâm y tế các huyện phun hóa chất và vận động người dân dọn vệ sinh, diệt lăng quăng để phòng chống sốt xuất huyết.',
    12,
    14,
    ['y tế', 'sốt xuất huyết'],
    'Bảo Ngọc',
  ],
  [
    'le-hoi-lang-truyen-thong',
    'van-hoa',
    'Văn hóa',
    'Lễ hội làng truyền thống thu hút đông đảo du khách',
    'Lễ hội làng với các trò chơi dân gian như kéo co, đánh đu, hát chèo được phục dựng, thu hút hàng nghìn du khách.',
    6,
    10,
    ['văn hóa', 'lễ hội'],
    'Phương Thảo',
  ],
  [
    'tu-bo-di-tich-dinh-lang',
    'van-hoa',
    'Văn hóa',
    'Tu bổ di tích đình làng gần 300 năm tuổi',
    'Ngôi đình cổ được trùng tu bằng nguồn vốn xã hội hóa, giữ nguyên kiến trúc gỗ và các mảng chạm khắc quý.',
    18,
    11,
    ['văn hóa', 'di tích'],
    'Phương Thảo',
  ],
  [
    'khu-cong-nghiep-thu-hut-dau-tu',
    'kinh-te',
    'Kinh tế',
    'Khu công nghiệp phía Bắc thu hút thêm ba dự án đầu tư',
    'Ba dự án sản xuất linh kiện điện tử với tổng vốn hơn 200 triệu USD vừa được cấp giấy chứng nhận đầu tư.',
    4,
    8,
    ['kinh tế', 'đầu tư', 'khu công nghiệp'],
    'Hải Yến',
  ],
  [
    'san-pham-ocop-len-san-thuong-mai-dien-tu',
    'kinh-te',
    'Kinh tế',
    'Sản phẩm OCOP lên sàn thương mại điện tử',
    'Các hợp tác xã được hướng dẫn đưa mật ong, chè và nước mắm đạt chuẩn OCOP lên sàn thương mại điện tử để mở rộng thị trường.',
    9,
    10,
    ['kinh tế', 'OCOP'],
    'Hải Yến',
  ],
  [
    'du-lich-mua-dong',
    'kinh-te',
    'Kinh tế',
    'Du lịch biển chuẩn bị đón khách dịp cuối năm',
    'Các cơ sở lưu trú ven biển nâng cấp dịch vụ, xây dựng sản phẩm du lịch mới để đón khách dịp cuối năm.',
    17,
    13,
    ['du lịch', 'kinh tế'],
    'Hải Yến',
  ],
  [
    'nang-cap-quoc-lo',
    'thoi-su',
    'Thời sự',
    'Khởi công nâng cấp tuyến quốc lộ nối các huyện phía Tây',
    'Dự án dài 42 km được đầu tư hơn 1.000 tỷ đồng, dự kiến hoàn thành sau hai năm thi công.',
    22,
    9,
    ['giao thông', 'đầu tư công'],
    'Quốc Việt',
  ],
  [
    'hien-mau-tinh-nguyen',
    'y-te',
    'Y tế',
    'Ngày hội hiến máu tình nguyện thu về hơn 800 đơn vị máu',
    'Đoàn viên, thanh niên và người dân hưởng ứng ngày hội hiến máu tình nguyện, góp phần bảo đảm nguồn máu cho cấp cứu, điều trị.',
    25,
    8,
    ['y tế', 'hiến máu'],
    'Bảo Ngọc',
  ],
];
const base = Date.UTC(2026, 10, 29, 0, 0, 0); // 2026-11-29 00:00 UTC
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const items = A.map(([id, slug, section, title, summary, daysAgo, hour, tags, author], i) => {
  const d = new Date(base - daysAgo * 86400000 + (hour - 7) * 3600000);
  return `    <item>
      <title>${esc(title)}</title>
      <link>${H}/${slug}/${id}.html</link>
      <guid isPermaLink="false">${id}</guid>
      <description>${esc(summary)}</description>
      <pubDate>${d.toUTCString().replace('GMT', '+0000')}</pubDate>
      <dc:creator>${esc(author)}</dc:creator>
      <category>${esc(section)}</category>
${tags.map((t) => `      <category domain="${H}/tag">${esc(t)}</category>`).join('\n')}
      <media:content url="/demo/img/placeholder-${(i % 6) + 1}.svg" medium="image" type="image/svg+xml" width="320" height="180"/>
    </item>`;
});
const xml = `<?xml version="1.0" encoding="UTF-8"?>
<!-- SYNTHETIC demo feed written for news-widgets: invented articles of an invented provincial
     newspaper ("Báo Tỉnh Nhà", tinhnha.example). Not copied from any real publication. MIT. -->
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Báo Tỉnh Nhà – Tin tức</title>
    <link>${H}/</link>
    <atom:link href="${H}/rss/tin-tuc.rss" rel="self" type="application/rss+xml"/>
    <description>Tin tức thời sự, an ninh trật tự, kinh tế, giáo dục, y tế, thể thao và văn hóa của tỉnh (dữ liệu mẫu).</description>
    <language>vi</language>
    <lastBuildDate>${new Date(base).toUTCString().replace('GMT', '+0000')}</lastBuildDate>
${items.join('\n')}
  </channel>
</rss>
`;
writeFileSync('demo/feeds/tin-tuc.rss.xml', xml);
const colors = ['#1f5f8b', '#8b3a1f', '#2f7d32', '#6a1b9a', '#b26a00', '#37474f'];
colors.forEach((c, i) =>
  writeFileSync(
    `demo/img/placeholder-${i + 1}.svg`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180" viewBox="0 0 320 180" role="img" aria-label="Ảnh minh họa"><rect width="320" height="180" fill="${c}"/><circle cx="250" cy="60" r="28" fill="#fff" opacity=".35"/><path d="M0 150 L90 90 L150 130 L210 80 L320 150 V180 H0Z" fill="#fff" opacity=".25"/></svg>
`,
  ),
);
console.log(A.length, 'items');
