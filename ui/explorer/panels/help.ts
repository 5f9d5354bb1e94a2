// The help panel: keyboard shortcuts and mouse gestures (also opened with "?").
import { $, h } from "../../shared/dom.ts";
import { currentLang } from "../../shared/i18n.ts";

const KEYS: [string, string, string][] = [
  ["/", "搜索", "Search"],
  ["双击节点 · double-click", "展开关系；已展开则再显示 50 个", "Expand; once expanded, 50 more"],
  ["单击节点 · click", "详情、评分依据、研判", "Details, why this score, triage"],
  ["悬停 · hover", "突出相邻节点", "Highlight the neighbours"],
  ["e", "展开所选节点", "Expand the selected node"],
  ["m / M", "再显示 50 个 / 全部", "50 more / all of them"],
  ["Delete", "从画布移除所选节点", "Remove the selected node"],
  ["l", "开始/停止布局 (ForceAtlas2)", "Start/stop the layout (ForceAtlas2)"],
  ["f", "适应窗口", "Fit the view"],
  ["+ / -", "放大 / 缩小", "Zoom in / out"],
  ["1 / 2 / 3", "按类型 / 网络 / 风险着色", "Colour by type / community / risk"],
  ["Esc", "取消高亮、取消选择、关闭面板", "Clear the highlight, the selection, close panels"],
  ["?", "本帮助", "This help"],
];

export function mountHelp(): { open(): void; close(): void; render(): void } {
  const overlay = $("help");
  const render = () =>
    $("help-keys").replaceChildren(
      ...KEYS.map(([key, zh, en]) => h("tr", {}, h("td", {}, ...key.split(" · ").map((k, i) => (i === 0 ? h("kbd", {}, k) : ` ${k}`))), h("td", {}, currentLang() === "zh" ? zh : en))),
    );
  const open = () => {
    render();
    overlay.hidden = false;
    $("help-close").focus();
  };
  const close = () => {
    overlay.hidden = true;
  };
  $("help-toggle").addEventListener("click", open);
  $("help-close").addEventListener("click", close);
  overlay.addEventListener("click", (e) => {
    if (e.target === overlay) close();
  });
  return { open, close, render };
}
